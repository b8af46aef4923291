package org.hackablemail.spf;

import java.util.Arrays;
import java.util.Optional;

/** The result a matching mechanism gives (RFC 7208 §4.6.2); no qualifier means {@code +}. */
enum Qualifier {
    PASS('+', SpfResult.PASS),
    FAIL('-', SpfResult.FAIL),
    SOFTFAIL('~', SpfResult.SOFTFAIL),
    NEUTRAL('?', SpfResult.NEUTRAL);

    private final char symbol;
    private final SpfResult result;

    Qualifier(char symbol, SpfResult result) {
        this.symbol = symbol;
        this.result = result;
    }

    static Optional<Qualifier> of(char symbol) {
        return Arrays.stream(values()).filter(qualifier -> qualifier.symbol == symbol).findFirst();
    }

    SpfResult result() {
        return result;
    }
}
