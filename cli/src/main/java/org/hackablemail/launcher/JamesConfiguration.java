package org.hackablemail.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Installs {@code james-conf/} into a James working directory's {@code conf/}, moving the servers from the demo
 * ports written there to the ports asked for, and the webadmin URL that invites name with them. The files are
 * otherwise copied as they are: the demo and the tests run the very configuration an admin reads.
 */
public final class JamesConfiguration {
    private static final Pattern WEBADMIN_PORT = Pattern.compile("(?m)^port=\\d+$");

    private final Path source;

    public JamesConfiguration(Path source) {
        if (!Files.isRegularFile(source.resolve("mailetcontainer.xml"))) {
            throw new IllegalArgumentException(source + " is not a James configuration directory (no mailetcontainer.xml)");
        }
        this.source = source;
    }

    public void installInto(Path conf, ServerPorts ports) throws IOException {
        Files.createDirectories(conf);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, conf.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        rewriteBind(conf.resolve("smtpserver.xml"), ServerPorts.DEMO.smtp(), ports.smtp());
        rewriteBind(conf.resolve("smtpserver.xml"), ServerPorts.DEMO.submission(), ports.submission());
        rewriteBind(conf.resolve("imapserver.xml"), ServerPorts.DEMO.imap(), ports.imap());
        rewrite(conf.resolve("webadmin.properties"), WEBADMIN_PORT, "port=" + ports.webAdmin());
        rewrite(conf.resolve("mailetcontainer.xml"), Pattern.compile(Pattern.quote(serverElement(ServerPorts.DEMO))),
            serverElement(ports));
    }

    /** InviteMailet's {@code <server>}: the webadmin URL an invite tells its reader to redeem the code at. */
    private static String serverElement(ServerPorts ports) {
        return "<server>http://localhost:" + ports.webAdmin() + "</server>";
    }

    private static void rewriteBind(Path file, int demoPort, int port) throws IOException {
        rewrite(file, Pattern.compile(Pattern.quote("<bind>127.0.0.1:" + demoPort + "</bind>")),
            "<bind>127.0.0.1:" + port + "</bind>");
    }

    private static void rewrite(Path file, Pattern pattern, String replacement) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(file.getFileName() + " has no " + pattern.pattern()
                + ": james-conf/ no longer matches the demo ports " + List.of(ServerPorts.DEMO));
        }
        Files.writeString(file, matcher.replaceAll(Matcher.quoteReplacement(replacement)), StandardCharsets.UTF_8);
    }
}
