package org.hackablemail.plugin;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The SHA-256 of a plugin's Wasm bytes, in lower-case hex: the name under which a plugin is stored and cached. */
public record PluginDigest(String hex) {
    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public PluginDigest {
        if (!SHA_256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("Not a lower-case hex SHA-256: '" + hex + "'");
        }
    }

    public static PluginDigest of(byte[] wasm) {
        try {
            return new PluginDigest(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wasm)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
