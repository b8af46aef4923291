package org.hackablemail.spf;

/** One of the eight mechanisms of RFC 7208 §5; the qualifier lives in {@link Directive}. */
interface Mechanism {
    /** Whether the client matches, evaluated for the record of {@code domain}. */
    boolean matches(Evaluation evaluation, String domain) throws SpfErrorException;
}
