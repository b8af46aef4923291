package org.hackablemail.listeners;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.hackablemail.bayes.mailbox.MailboxTrainingSettings;
import org.hackablemail.config.ValueParsers;

/** The {@code <configuration>} of {@link SpamTrainingListener} in {@code listeners.xml}; every element is optional. */
record ListenerSettings(MailboxTrainingSettings training, long maxMessageSize) {
    static final String DEFAULT_MAX_MESSAGE_SIZE = "512K";

    static ListenerSettings of(HierarchicalConfiguration<ImmutableNode> configuration) {
        MailboxTrainingSettings defaults = MailboxTrainingSettings.DEFAULT;
        return new ListenerSettings(new MailboxTrainingSettings(
            names(configuration, "spamMailboxes", defaults.spamMailboxes()),
            names(configuration, "trashMailboxes", defaults.trashMailboxes()),
            value(configuration, "keywords", "false", ValueParsers::bool),
            value(configuration, "hamOnReply", "false", ValueParsers::bool),
            value(configuration, "hamInInboxAfter", "", ListenerSettings::optionalDuration)),
            value(configuration, "maxMessageSize", DEFAULT_MAX_MESSAGE_SIZE, ValueParsers::positiveSize));
    }

    private static Optional<Duration> optionalDuration(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(ValueParsers.positiveDuration(value));
    }

    private static Set<String> names(HierarchicalConfiguration<ImmutableNode> configuration, String element,
                                     Set<String> defaults) {
        String value = configuration.getString(element, null);
        if (value == null) {
            return defaults;
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    }

    private static <T> T value(HierarchicalConfiguration<ImmutableNode> configuration, String element, String defaultValue,
                               Function<String, T> parser) {
        String value = configuration.getString(element, defaultValue);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("SpamTrainingListener in listeners.xml: '" + element + "' must be "
                + e.getMessage() + ", got '" + value + "'", e);
        }
    }
}
