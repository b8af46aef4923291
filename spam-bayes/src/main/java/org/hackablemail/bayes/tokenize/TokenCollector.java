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

    Set<String> tokens() {
        return tokens;
    }
}
