package org.hackablemail.spf;

/** A qualified mechanism, with its text as written in the record (reported as the matching {@code mechanism}). */
record Directive(Qualifier qualifier, Mechanism mechanism, String text) {
}
