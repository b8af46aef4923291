package org.hackablemail.bayes.store;

import java.util.Set;

/**
 * What one message teaches, whatever its label: its distinct tokens and its class print. Fixed when the message is
 * first trained: relabelling or untraining it later takes back exactly what it added.
 */
public record Teaching(Set<String> tokens, ClassPrint print) {
    public Teaching {
        tokens = Set.copyOf(tokens);
        if (print == null) {
            throw new IllegalArgumentException("A teaching needs a class print (ClassPrint.NONE for none)");
        }
        for (String token : tokens) {
            if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("Tokens are non-empty and hold no white space: '" + token + "'");
            }
        }
    }

    public static Teaching of(Set<String> tokens) {
        return new Teaching(tokens, ClassPrint.ofTokens(tokens));
    }
}
