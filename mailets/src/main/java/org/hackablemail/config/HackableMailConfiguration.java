package org.hackablemail.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundle's shared settings, read from {@code hackable-mail.properties} in James's configuration directory.
 * Every key has a default, so the file is optional. Each component reads its own keys through {@link #value}, which
 * validates them and records the value in effect for {@code GET /hackable/status}.
 */
public class HackableMailConfiguration {
    public static final String FILE_NAME = "hackable-mail.properties";
    public static final String DATA_DIRECTORY = "data.directory";
    public static final String DEFAULT_DATA_DIRECTORY = "var/hackable-mail";

    private static final Logger LOGGER = LoggerFactory.getLogger(HackableMailConfiguration.class);

    private final Configuration properties;
    private final String source;
    private final Path workingDirectory;
    private final Map<String, String> valuesInEffect = Collections.synchronizedMap(new TreeMap<>());
    private final Set<String> retiredKeysWarned = ConcurrentHashMap.newKeySet();

    /**
     * @param properties       the file's content
     * @param source           where it came from, to name in error messages
     * @param workingDirectory James's working directory, against which relative paths are resolved
     */
    public HackableMailConfiguration(Configuration properties, String source, Path workingDirectory) {
        this.properties = properties;
        this.source = source;
        this.workingDirectory = workingDirectory;
    }

    /** The configuration James gets when there is no {@code hackable-mail.properties}: every default. */
    public static HackableMailConfiguration defaults(Path workingDirectory) {
        return new HackableMailConfiguration(new PropertiesConfiguration(), "defaults (no " + FILE_NAME + ")", workingDirectory);
    }

    /** Where the bundle keeps its data (plugins, tokens, Bayes store); relative paths are below James's working directory. */
    public Path dataDirectory() {
        return value(DATA_DIRECTORY, DEFAULT_DATA_DIRECTORY, this::path);
    }

    /**
     * The value of {@code key}, or of {@code defaultValue} when the key is absent, converted by {@code parser}.
     *
     * @throws InvalidPropertyException naming the key and the file when the parser rejects the value
     */
    public <T> T value(String key, String defaultValue, Function<String, T> parser) {
        String raw = Optional.ofNullable(properties.getString(key, null)).map(String::trim).orElse(defaultValue);
        T value;
        try {
            value = parser.apply(raw);
        } catch (RuntimeException e) {
            InvalidPropertyException invalid = new InvalidPropertyException(key, raw, source, e.getMessage());
            LOGGER.error(invalid.getMessage());
            throw invalid;
        }
        valuesInEffect.put(key, String.valueOf(value));
        return value;
    }

    /**
     * Logs one WARN, the first time it is called, when the file still sets {@code key}, a key the bundle no longer
     * reads, saying what replaced it. Its value is not carried over: the replacement means something else, so James
     * starts with the replacement's own value rather than refusing to start.
     */
    public void retired(String key, String replacement) {
        String raw = properties.getString(key, null);
        if (raw != null && retiredKeysWarned.add(key)) {
            LOGGER.warn("Key '{}' in {} is no longer read, its value '{}' is ignored: {}", key, source, raw.trim(),
                replacement);
        }
    }

    public String source() {
        return source;
    }

    /** The keys components have read so far, with the values in effect. */
    public Map<String, String> valuesInEffect() {
        synchronized (valuesInEffect) {
            return Map.copyOf(valuesInEffect);
        }
    }

    private Path path(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a path is required");
        }
        try {
            return workingDirectory.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + e.getReason());
        }
    }
}
