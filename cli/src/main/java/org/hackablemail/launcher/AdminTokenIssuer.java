package org.hackablemail.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Issues the RS256 JSON Web Tokens that James's webadmin accepts ({@code jwt.enabled=true}, claim {@code admin: true}).
 * The key pair is made once: James reads the public half from {@code conf/jwt_publickey}, the private half stays
 * outside {@code conf/}.
 */
public final class AdminTokenIssuer {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;

    private AdminTokenIssuer(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /** Loads the key pair kept in these files, or makes and writes one. */
    public static AdminTokenIssuer withKeys(Path privateKeyFile, Path publicKeyFile) throws IOException {
        try {
            if (Files.exists(privateKeyFile) && Files.exists(publicKeyFile)) {
                byte[] encoded = Base64.getMimeDecoder().decode(stripPem(Files.readString(privateKeyFile)));
                return new AdminTokenIssuer(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded)));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new AdminTokenIssuer(pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot load or make the webadmin JWT key pair in " + privateKeyFile.getParent(), e);
        }
    }

    /** A token naming {@code subject} as a webadmin administrator. It does not expire: the demo's key is local. */
    public String adminToken(String subject) {
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = encode("{\"sub\":\"" + subject + "\",\"admin\":true}");
        String signingInput = header + "." + payload;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a webadmin token", e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }

    private static String stripPem(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "");
    }
}
