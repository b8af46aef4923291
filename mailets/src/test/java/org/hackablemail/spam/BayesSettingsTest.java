package org.hackablemail.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.hackablemail.bayes.model.LayerSettings;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.config.InvalidPropertyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class BayesSettingsTest {
    private static final Path WORKING_DIRECTORY = Path.of("/opt/james");
    private static final Logger CONFIGURATION_LOGGER = (Logger) LoggerFactory.getLogger(HackableMailConfiguration.class);

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        CONFIGURATION_LOGGER.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        CONFIGURATION_LOGGER.detachAppender(log);
    }

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

    @Test
    void shouldWarnOnceNamingTheNewKeyWhenTheRetiredPersonalWeightIsSet() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("bayes.personal.weight", "0.3");
        HackableMailConfiguration configuration = configuration(properties);

        BayesSettings settings = BayesSettings.of(configuration);
        BayesSettings.of(configuration);

        assertThat(settings.filter().layers()).isEqualTo(LayerSettings.DEFAULT);
        assertThat(warnings()).singleElement().satisfies(warning -> assertThat(warning)
            .contains("'bayes.personal.weight'", "/opt/james/conf/hackable-mail.properties", "'0.3' is ignored",
                "bayes.personal.shared.strength", "how many of a user's own messages of a class"));
    }

    @Test
    void shouldNotWarnWhenOnlyCurrentKeysAreSet() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("bayes.personal.shared.strength", "2.5");

        BayesSettings.of(configuration(properties));

        assertThat(warnings()).isEmpty();
    }

    private List<String> warnings() {
        return log.list.stream()
            .filter(event -> event.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    }

    private static HackableMailConfiguration configuration(PropertiesConfiguration properties) {
        return new HackableMailConfiguration(properties, "/opt/james/conf/hackable-mail.properties", WORKING_DIRECTORY);
    }
}
