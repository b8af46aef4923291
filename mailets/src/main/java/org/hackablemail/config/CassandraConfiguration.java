package org.hackablemail.config;

import java.util.Optional;

import org.hackablemail.storage.cassandra.CassandraSettings;
import org.hackablemail.storage.cassandra.SettingReader;

/**
 * Where the bundle's Cassandra is when {@code storage=cassandra}: James's own {@code cassandra.properties} (the
 * nodes, keyspace, credentials and consistency levels Distributed James uses), or the bundle's
 * {@code storage.cassandra.*} keys in {@code hackable-mail.properties} when they name nodes. Both files are read and
 * reported like every other key.
 */
public final class CassandraConfiguration {
    /** James's file, as {@code PropertiesProvider} names it. */
    public static final String JAMES_FILE = "cassandra";

    private CassandraConfiguration() {
    }

    /**
     * @param jamesFile James's {@code cassandra.properties}, when James's configuration directory has one
     * @throws InvalidPropertyException when a value cannot be used, naming the key and the file
     * @throws IllegalArgumentException when neither file names a Cassandra node
     */
    public static CassandraSettings settings(HackableMailConfiguration bundle, Optional<HackableMailConfiguration> jamesFile) {
        return CassandraSettings.read(bundle::value, jamesFile.map(file -> (SettingReader) file::value),
            jamesFile.map(HackableMailConfiguration::source).orElse(JAMES_FILE + ".properties"));
    }
}
