package org.hackablemail.bayes.tokenize;

import java.util.HashSet;
import java.util.Set;

/** The distinct tokens of one message, up to a cap: a message counts once per token, however often it repeats it. */
final class TokenCollector {
    private final Set<String> tokens = new HashSet<>(1024);
    private final int capacity;

    TokenCollector(int capacity) {
        this.capacity = capacity;
    }

    void add(String token) {
        if (tokens.size() < capacity) {
            tokens.add(token);
        }
    }

    boolean isFull() {
        return tokens.size() >= capacity;
    }

    /**
     * The tokens as a compact immutable set: a training batch keeps the token sets of all its messages in memory at
     * once, and a {@code HashSet}'s table and entry objects make them about twice as large (and the garbage collector's
     * copying with them).
     */
    Set<String> tokens() {
        return Set.copyOf(tokens);
    }
}
