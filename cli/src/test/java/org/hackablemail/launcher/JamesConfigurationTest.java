package org.hackablemail.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JamesConfigurationTest {
    private static final Path JAMES_CONF = Path.of("../james-conf");

    @TempDir
    Path conf;

    @Test
    void installShouldCopyEveryFileOfJamesConf() throws IOException {
        new JamesConfiguration(JAMES_CONF).installInto(conf, ServerPorts.DEMO);

        try (var installed = Files.list(conf); var source = Files.list(JAMES_CONF)) {
            assertThat(installed.map(Path::getFileName).map(Path::toString))
                .containsExactlyInAnyOrderElementsOf(source.map(Path::getFileName).map(Path::toString).toList());
        }
        assertThat(conf.resolve("mailetcontainer.xml")).hasSameTextualContentAs(JAMES_CONF.resolve("mailetcontainer.xml"));
    }

    @Test
    void installShouldMoveEveryServerToTheRequestedPorts() throws IOException {
        new JamesConfiguration(JAMES_CONF).installInto(conf, new ServerPorts(12525, 15870, 11143, 18000));

        assertThat(Files.readString(conf.resolve("smtpserver.xml")))
            .contains("<bind>127.0.0.1:12525</bind>", "<bind>127.0.0.1:15870</bind>")
            .doesNotContain(":2525<", ":5870<");
        assertThat(Files.readString(conf.resolve("imapserver.xml"))).contains("<bind>127.0.0.1:11143</bind>");
        assertThat(Files.readString(conf.resolve("webadmin.properties"))).containsPattern("(?m)^port=18000$");
        assertThat(Files.readString(conf.resolve("mailetcontainer.xml")))
            .as("the URL invites name").contains("<server>http://localhost:18000</server>").doesNotContain(":8000<");
    }

    @Test
    void installShouldFailWhenAFileNoLongerHasTheDemoPort(@TempDir Path source) throws IOException {
        new JamesConfiguration(JAMES_CONF).installInto(source, ServerPorts.DEMO);
        Files.writeString(source.resolve("imapserver.xml"), "<imapservers/>");

        assertThatThrownBy(() -> new JamesConfiguration(source).installInto(conf, ServerPorts.DEMO))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("imapserver.xml");
    }

    @Test
    void constructorShouldRejectADirectoryWithoutMailetContainer(@TempDir Path empty) {
        assertThatThrownBy(() -> new JamesConfiguration(empty))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not a James configuration directory");
    }
}
