package org.hackablemail.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.hackablemail.config.HackableMailConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path workingDirectory;

    @Test
    void healthShouldCreateAMissingDirectoryAndReportItWritable() {
        DataDirectory dataDirectory = new DataDirectory(HackableMailConfiguration.defaults(workingDirectory));

        ComponentHealth health = dataDirectory.health();

        assertThat(health.healthy()).isTrue();
        assertThat(dataDirectory.path()).isDirectory().isEmptyDirectory();
    }

    @Test
    void healthShouldBeUnhealthyWhenThePathIsAFile() throws IOException {
        Files.writeString(workingDirectory.resolve("occupied"), "not a directory");
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty(HackableMailConfiguration.DATA_DIRECTORY, "occupied");

        ComponentHealth health = new DataDirectory(new HackableMailConfiguration(properties, "test", workingDirectory)).health();

        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).contains("occupied").contains("not usable");
    }
}
