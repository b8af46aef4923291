package org.hackablemail.spf;

/** {@code all} (RFC 7208 §5.1). */
final class AllMechanism implements Mechanism {
    @Override
    public boolean matches(Evaluation evaluation, String domain) {
        return true;
    }
}
