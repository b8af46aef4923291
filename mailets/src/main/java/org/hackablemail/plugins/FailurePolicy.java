package org.hackablemail.plugins;

import java.util.Optional;

/**
 * What to do with a message when its recipient's plugin fails (traps, times out, exceeds a limit, answers garbage):
 * {@code bounce} it with code 70 (EX_SOFTWARE), {@code deliver} the original, or hand it to a named processor.
 */
public record FailurePolicy(Kind kind, Optional<String> processor) {
    public static final FailurePolicy BOUNCE = new FailurePolicy(Kind.BOUNCE, Optional.empty());
    public static final FailurePolicy DELIVER = new FailurePolicy(Kind.DELIVER, Optional.empty());

    public enum Kind {
        BOUNCE, DELIVER, PROCESSOR
    }

    public static FailurePolicy parse(String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("onFailure must be 'bounce', 'deliver' or the name of a processor");
        }
        return switch (trimmed) {
            case "bounce" -> BOUNCE;
            case "deliver" -> DELIVER;
            default -> new FailurePolicy(Kind.PROCESSOR, Optional.of(trimmed));
        };
    }
}
