package org.hackablemail.storage.cassandra;

import java.util.function.Function;

/**
 * Reads one key of a properties file: the James adapter's configuration reader, which validates the value with
 * {@code parser}, names the key and the file when the parser throws, and records the value in effect.
 */
@FunctionalInterface
public interface SettingReader {
    /**
     * @param defaultValue used when the key is absent; {@code ""} for optional keys
     * @param parser       throws {@link IllegalArgumentException} saying what is expected
     */
    <T> T value(String key, String defaultValue, Function<String, T> parser);
}
