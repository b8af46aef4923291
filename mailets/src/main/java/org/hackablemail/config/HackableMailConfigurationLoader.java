package org.hackablemail.config;

import java.io.File;
import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.configuration.Configuration.ConfigurationPath;
import org.apache.james.utils.PropertiesProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code hackable-mail.properties} from James's configuration directory, the way James reads its own files. */
public class HackableMailConfigurationLoader {
    private static final Logger LOGGER = LoggerFactory.getLogger(HackableMailConfigurationLoader.class);
    private static final String NAME = "hackable-mail";

    private final PropertiesProvider propertiesProvider;
    private final FileSystem fileSystem;
    private final ConfigurationPath configurationPath;

    public HackableMailConfigurationLoader(PropertiesProvider propertiesProvider, FileSystem fileSystem,
                                           ConfigurationPath configurationPath) {
        this.propertiesProvider = propertiesProvider;
        this.fileSystem = fileSystem;
        this.configurationPath = configurationPath;
    }

    public HackableMailConfiguration load() throws ConfigurationException, FileNotFoundException {
        Path workingDirectory = fileSystem.getBasedir().toPath().toAbsolutePath();
        try {
            return new HackableMailConfiguration(propertiesProvider.getConfiguration(NAME), location(), workingDirectory);
        } catch (FileNotFoundException noFile) {
            LOGGER.info("No {} in James's configuration directory: Hackable Mail uses its defaults", HackableMailConfiguration.FILE_NAME);
            return HackableMailConfiguration.defaults(workingDirectory);
        }
    }

    /**
     * Another of James's own properties files (e.g. {@code cassandra} for {@code cassandra.properties}), read the same
     * way, so that its values are checked and reported with the same messages; empty when James has no such file.
     */
    public Optional<HackableMailConfiguration> loadJamesFile(String name) throws ConfigurationException, FileNotFoundException {
        Path workingDirectory = fileSystem.getBasedir().toPath().toAbsolutePath();
        Configuration properties;
        try {
            properties = propertiesProvider.getConfiguration(name);
        } catch (FileNotFoundException noFile) {
            return Optional.empty();
        }
        return Optional.of(new HackableMailConfiguration(properties, location(name + ".properties"), workingDirectory));
    }

    private String location() {
        return location(HackableMailConfiguration.FILE_NAME);
    }

    private String location(String fileName) {
        try {
            File file = fileSystem.getFile(configurationPath.asString() + fileName);
            return file.getAbsolutePath();
        } catch (FileNotFoundException e) {
            return fileName;
        }
    }
}
