package org.hackablemail.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.hackablemail.bayes.model.LayerSettings;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.config.InvalidPropertyException;
import org.junit.jupiter.api.Test;

class BayesSettingsTest {
    private static final Path WORKING_DIRECTORY = Path.of("/opt/james");

    @Test
    void shouldUseTheLibrarysLayerDefaultsWhenNothingIsConfigured() {
        assertThat(BayesSettings.of(configuration(new PropertiesConfiguration())).filter().layers())
            .isEqualTo(LayerSettings.DEFAULT);
    }

    @Test
    void shouldReadTheSharedStrengthOfPersonalLayersWhenConfigured() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("bayes.personal.shared.strength", "2.5");

        assertThat(BayesSettings.of(configuration(properties)).filter().layers().sharedStrength()).isEqualTo(2.5);
    }

    @Test
    void shouldRefuseASharedStrengthThatIsNotPositiveWhenConfigured() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("bayes.personal.shared.strength", "0");

        assertThatThrownBy(() -> BayesSettings.of(configuration(properties)))
            .isInstanceOf(InvalidPropertyException.class)
            .hasMessageContaining("bayes.personal.shared.strength");
    }

    private static HackableMailConfiguration configuration(PropertiesConfiguration properties) {
        return new HackableMailConfiguration(properties, "/opt/james/conf/hackable-mail.properties", WORKING_DIRECTORY);
    }
}
