package org.hackablemail.cli.storage;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import org.hackablemail.storage.cassandra.SettingReader;

/**
 * One of James's properties files, read outside James (the command line has no James): each key checked by the same
 * parsers as in James, and a value they refuse reported as James reports it, naming the key and the file.
 */
final class PropertiesFile implements SettingReader {
    private final Path path;
    private final Properties properties;

    private PropertiesFile(Path path, Properties properties) {
        this.path = path;
        this.properties = properties;
    }

    /** The file, or empty when there is none. */
    static Optional<PropertiesFile> read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return Optional.of(new PropertiesFile(path, properties));
    }

    /** A file that has no key, standing for one that does not exist. */
    static PropertiesFile empty(Path path) {
        return new PropertiesFile(path, new Properties());
    }

    Path path() {
        return path;
    }

    @Override
    public <T> T value(String key, String defaultValue, Function<String, T> parser) {
        String raw = Optional.ofNullable(properties.getProperty(key)).map(String::trim).orElse(defaultValue);
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value '" + raw + "' for key '" + key + "' in " + path + ": "
                + e.getMessage(), e);
        }
    }
}
