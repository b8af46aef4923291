package org.hackablemail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenIssuerTest {
    @TempDir
    Path keys;

    @Test
    void tokenShouldBeSignedByThePublishedPublicKeyAndClaimAdmin() throws Exception {
        String token = AdminTokenIssuer.withKeys(keys.resolve("private"), keys.resolve("public")).adminToken("admin@localhost");

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(decode(parts[0])).contains("\"alg\":\"RS256\"");
        assertThat(decode(parts[1])).contains("\"sub\":\"admin@localhost\"", "\"admin\":true");
        assertThat(isSignedBy(token, keys.resolve("public"))).isTrue();
    }

    @Test
    void secondIssuerShouldReuseTheKeysOnDisk() throws Exception {
        AdminTokenIssuer.withKeys(keys.resolve("private"), keys.resolve("public"));
        String publicKey = Files.readString(keys.resolve("public"));

        String token = AdminTokenIssuer.withKeys(keys.resolve("private"), keys.resolve("public")).adminToken("admin@localhost");

        assertThat(Files.readString(keys.resolve("public"))).isEqualTo(publicKey);
        assertThat(isSignedBy(token, keys.resolve("public"))).isTrue();
    }

    private static boolean isSignedBy(String token, Path publicKeyPem) throws Exception {
        String[] parts = token.split("\\.");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey(publicKeyPem));
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
    }
}
