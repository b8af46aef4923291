package org.hackablemail.plugin.email;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A header a plugin changed when it called {@code deliver}: set to {@code value}, or removed when the value is null.
 * What the mail path applies, the trace records and the simulation reports show.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HeaderChange(String name, String value) {

    /**
     * The headers of {@code delivered} whose value differs from {@code received}'s, in the delivered order; headers
     * left out of {@code delivered} stay as they were, so they are no change.
     */
    public static List<HeaderChange> between(IncomingEmail received, IncomingEmail delivered) {
        Map<String, String> before = Optional.ofNullable(received.headers()).orElse(Map.of());
        return Optional.ofNullable(delivered.headers()).orElse(Map.of()).entrySet().stream()
            .filter(header -> header.getKey() != null && !Objects.equals(header.getValue(), before.get(header.getKey())))
            .map(header -> new HeaderChange(header.getKey(), header.getValue()))
            .collect(Collectors.toList());
    }

    /** Whether {@code delivered} replaces the body {@code received} had. */
    public static boolean bodyChanged(IncomingEmail received, IncomingEmail delivered) {
        return delivered.body() != null && !delivered.body().equals(received.body());
    }
}
