package org.hackablemail.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.inject.Inject;

import org.hackablemail.config.HackableMailConfiguration;

/** The bundle's data directory. It is usable when it exists (or can be made) and a file can be written in it. */
public class DataDirectory implements BundleComponent {
    private static final String PROBE_FILE = ".hackable-mail-write-probe";

    private final Path path;

    @Inject
    public DataDirectory(HackableMailConfiguration configuration) {
        this.path = configuration.dataDirectory();
    }

    public Path path() {
        return path;
    }

    @Override
    public String name() {
        return "dataDirectory";
    }

    @Override
    public ComponentHealth health() {
        try {
            Files.createDirectories(path);
            Path probe = Files.writeString(path.resolve(PROBE_FILE), "probe");
            Files.delete(probe);
            return ComponentHealth.healthy(path + " is writable");
        } catch (IOException | SecurityException e) {
            return ComponentHealth.unhealthy(path + " is not usable: " + e);
        }
    }
}
