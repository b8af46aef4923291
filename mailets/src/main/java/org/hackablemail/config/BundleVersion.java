package org.hackablemail.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the bundle, written into the jar at build time. */
public final class BundleVersion {
    private static final String RESOURCE = "/org/hackablemail/hackable-mail-version.properties";

    private BundleVersion() {
    }

    public static String current() {
        try (InputStream in = BundleVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the Hackable Mail jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
