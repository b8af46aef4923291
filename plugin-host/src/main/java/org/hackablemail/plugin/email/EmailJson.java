package org.hackablemail.plugin.email;

import java.io.IOException;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes the JSON documents of the plugin ABI. */
public final class EmailJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EmailJson() {
    }

    public static byte[] toJson(IncomingEmail email) {
        try {
            return MAPPER.writeValueAsBytes(email);
        } catch (IOException e) {
            throw new IllegalStateException("An IncomingEmail is always serializable", e);
        }
    }

    public static IncomingEmail incomingEmail(byte[] json) throws IOException {
        return MAPPER.readValue(json, IncomingEmail.class);
    }

    public static ReplyEmail replyEmail(byte[] json) throws IOException {
        return MAPPER.readValue(json, ReplyEmail.class);
    }

    /** The result of {@code onEmail}, {@code deliver} or {@code reply}: a JSON integer, alone. */
    public static OptionalInt resultCode(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node != null && node.canConvertToInt() && node.isIntegralNumber()
                ? OptionalInt.of(node.intValue()) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }
}
