package org.hackablemail.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.VariableQuotas;
import org.junit.jupiter.api.Test;

class StorageConfigurationTest {
    private static final String SOURCE = "conf/hackable-mail.properties";

    @Test
    void shouldHaveSafeDefaults() {
        HackableMailConfiguration defaults = HackableMailConfiguration.defaults(Path.of("/opt/james"));

        assertThat(StorageConfiguration.settings(defaults)).isEqualTo(StorageSettings.defaults());
        assertThat(StorageConfiguration.refresh(defaults)).isEqualTo(Duration.ofSeconds(5));
        assertThat(StorageConfiguration.backend(defaults)).isEqualTo("filesystem");
    }

    @Test
    void settingsShouldReadTheQuotasAndTheRetention() {
        HackableMailConfiguration configuration = configuration(Map.of("plugin.versions.keep", "3",
            "plugin.vars.max.count", "50", "plugin.vars.max.bytes", "64K", "plugin.vars.cache.memory", "1M"));

        assertThat(StorageConfiguration.settings(configuration))
            .isEqualTo(new StorageSettings(3, new VariableQuotas(50, 64 * 1024), 1024 * 1024));
    }

    @Test
    void settingsShouldBeRefusedWhenTheCacheCannotHoldOneOwnersQuota() {
        HackableMailConfiguration configuration = configuration(Map.of("plugin.vars.max.bytes", "2M",
            "plugin.vars.cache.memory", "1M"));

        assertThatThrownBy(() -> StorageConfiguration.settings(configuration))
            .isInstanceOf(InvalidPropertyException.class)
            .hasMessageStartingWith("Invalid value '1048576' for key 'plugin.vars.cache.memory' in " + SOURCE);
    }

    @Test
    void settingsShouldBeRefusedWhenNoVersionIsKept() {
        assertThatThrownBy(() -> StorageConfiguration.settings(configuration(Map.of("plugin.versions.keep", "0"))))
            .isInstanceOf(InvalidPropertyException.class)
            .hasMessageContaining("plugin.versions.keep");
    }

    @Test
    void backendShouldBeRefusedWhenUnknown() {
        assertThatThrownBy(() -> StorageConfiguration.backend(configuration(Map.of("storage", "floppy"))))
            .isInstanceOf(InvalidPropertyException.class)
            .hasMessage("Invalid value 'floppy' for key 'storage' in " + SOURCE + ": the storage must be 'filesystem' or 'cassandra'");
    }

    private static HackableMailConfiguration configuration(Map<String, String> values) {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        values.forEach(properties::addProperty);
        return new HackableMailConfiguration(properties, SOURCE, Path.of("/opt/james"));
    }
}
