package org.hackablemail.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.junit.jupiter.api.Test;

class HackableMailConfigurationTest {
    private static final Path WORKING_DIRECTORY = Path.of("/opt/james");
    private static final String SOURCE = "/opt/james/conf/hackable-mail.properties";

    @Test
    void dataDirectoryShouldDefaultBelowTheWorkingDirectory() {
        assertThat(HackableMailConfiguration.defaults(WORKING_DIRECTORY).dataDirectory())
            .isEqualTo(Path.of("/opt/james/var/hackable-mail"));
    }

    @Test
    void dataDirectoryShouldResolveRelativePathsAgainstTheWorkingDirectory() {
        assertThat(configuration("data.directory", "data/../store").dataDirectory()).isEqualTo(Path.of("/opt/james/store"));
    }

    @Test
    void dataDirectoryShouldKeepAbsolutePaths() {
        assertThat(configuration("data.directory", "/srv/hackable").dataDirectory()).isEqualTo(Path.of("/srv/hackable"));
    }

    @Test
    void dataDirectoryShouldBeRejectedWhenEmptyWithTheKeyAndTheFileInTheMessage() {
        assertThatThrownBy(() -> configuration("data.directory", " ").dataDirectory())
            .isInstanceOf(InvalidPropertyException.class)
            .hasMessage("Invalid value '' for key 'data.directory' in " + SOURCE + ": a path is required");
    }

    @Test
    void valueShouldReportParserErrorsWithTheKeyAndTheFile() {
        HackableMailConfiguration configuration = configuration("plugin.timeout", "soon");

        assertThatThrownBy(() -> configuration.value("plugin.timeout", "1s", Integer::parseInt))
            .isInstanceOf(InvalidPropertyException.class)
            .hasMessageStartingWith("Invalid value 'soon' for key 'plugin.timeout' in " + SOURCE + ": ");
    }

    @Test
    void valuesInEffectShouldListWhatComponentsRead() {
        HackableMailConfiguration configuration = configuration("limit", "7");

        configuration.value("limit", "1", Integer::parseInt);
        configuration.value("other", "3", Integer::parseInt);

        assertThat(configuration.valuesInEffect()).containsOnly(
            org.assertj.core.api.Assertions.entry("limit", "7"),
            org.assertj.core.api.Assertions.entry("other", "3"));
    }

    private static HackableMailConfiguration configuration(String key, String value) {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty(key, value);
        return new HackableMailConfiguration(properties, SOURCE, WORKING_DIRECTORY);
    }
}
