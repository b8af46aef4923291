package org.hackablemail.config;

/** A value in {@code hackable-mail.properties} that cannot be used. The message names the key, the value and the file. */
public class InvalidPropertyException extends IllegalArgumentException {
    public InvalidPropertyException(String key, String value, String source, String reason) {
        super("Invalid value '" + value + "' for key '" + key + "' in " + source + ": " + reason);
    }
}
