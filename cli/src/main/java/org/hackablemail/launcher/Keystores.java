package org.hackablemail.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Makes the self-signed PKCS12 keystore James's IMAP and SMTP servers read for STARTTLS. */
final class Keystores {
    /** The secret written in james-conf's imapserver.xml and smtpserver.xml. */
    static final String SECRET = "james72laBalle";

    private Keystores() {
    }

    static void ensureSelfSigned(Path keystore, String hostName) throws IOException {
        if (Files.exists(keystore)) {
            return;
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", "james", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", SECRET, "-keypass", SECRET, "-dname", "CN=" + hostName))
            .redirectErrorStream(true)
            .start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool could not make " + keystore + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while making " + keystore, e);
        }
    }
}
