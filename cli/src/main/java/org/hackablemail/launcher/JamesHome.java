package org.hackablemail.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A James working directory laid out as an admin would: {@code conf/} from james-conf, the extension jar in
 * {@code extensions-jars/}, a TLS keystore and a webadmin JWT key. Everything James writes stays below it.
 */
public final class JamesHome {
    public static final String ADMIN_SUBJECT = "admin@localhost";

    private final Path root;

    public JamesHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path conf() {
        return root.resolve("conf");
    }

    public Path log() {
        return root.resolve("james.log");
    }

    /**
     * Installs the configuration (again on each start, so edits to james-conf/ take effect) and the keys it names.
     * Returns a webadmin admin token, also written to {@code admin.token}.
     */
    public String prepare(JamesConfiguration configuration, ServerPorts ports) throws IOException {
        Files.createDirectories(root);
        configuration.installInto(conf(), ports);
        Keystores.ensureSelfSigned(conf().resolve("keystore"), "localhost");
        String token = AdminTokenIssuer.withKeys(root.resolve("jwt_privatekey"), conf().resolve("jwt_publickey"))
            .adminToken(ADMIN_SUBJECT);
        Files.writeString(root.resolve("admin.token"), token);
        return token;
    }

    /** Puts the extension jar, and only it, in {@code extensions-jars/}. */
    public void installExtension(Path extensionJar) throws IOException {
        Path extensions = root.resolve("extensions-jars");
        Files.createDirectories(extensions);
        try (Stream<Path> previous = Files.list(extensions)) {
            for (Path jar : previous.toList()) {
                Files.delete(jar);
            }
        }
        Files.copy(extensionJar, extensions.resolve(extensionJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
