package org.hackablemail.core.trace;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/** A trace entry as the back-ends store it: one line of JSON, times in ISO-8601. */
public final class TraceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule()
        .addSerializer(Instant.class, ToStringSerializer.instance)
        .addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
            @Override
            protected Instant _deserialize(String value, DeserializationContext context) {
                return Instant.parse(value);
            }
        }));

    private TraceJson() {
    }

    public static String write(TraceEntry entry) {
        try {
            return MAPPER.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A trace entry is always JSON", e);
        }
    }

    /** @throws IOException when the text is not a trace entry (e.g. a line cut short by a crash) */
    public static TraceEntry read(String json) throws IOException {
        return MAPPER.readValue(json, TraceEntry.class);
    }
}
