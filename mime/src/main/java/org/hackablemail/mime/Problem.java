package org.hackablemail.mime;

import java.util.Objects;

/**
 * Something of a message that could not be read as it claims to be. The snapshot still holds what could be read; a
 * reader may treat damaged mail as suspicious.
 *
 * @param code   what went wrong
 * @param part   the part it concerns ({@link Part#id()}; {@code "1"} is the message itself)
 * @param detail a sentence for people: which charset, which field, how many bytes
 */
public record Problem(Code code, String part, String detail) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(detail, "detail");
    }

    /** The kinds of problem, each with the label plugins see in {@code problems[].code}. */
    public enum Code {
        /** The message does not start with a header field: all of it was read as text. */
        NO_HEADER("no-header"),
        /** A header line that is not a field (no name, or bytes not allowed in a name) was skipped. */
        BAD_HEADER("bad-header"),
        /** Header fields were cut (too long) or left out (too many). */
        HEADER_CUT("header-cut"),
        /** A multipart ended without its closing boundary, or a part without its header. */
        BAD_STRUCTURE("bad-structure"),
        /** The declared charset is unknown: the text was read with a fallback charset. */
        UNKNOWN_CHARSET("unknown-charset"),
        /** Bytes that are not valid in the part's charset were replaced by U+FFFD. */
        MALFORMED_TEXT("malformed-text"),
        /** Invalid base64: what could be decoded was kept. */
        BAD_BASE64("bad-base64"),
        /** Invalid quoted-printable: the invalid sequences were kept as they are. */
        BAD_QUOTED_PRINTABLE("bad-quoted-printable"),
        /** A part nested deeper than the limit: listed as opaque, its content not parsed. */
        TOO_DEEP("too-deep"),
        /** More parts than the limit: the rest are not listed. */
        TOO_MANY_PARTS("too-many-parts"),
        /** A text part's text was cut, or not kept, because the message holds more text than the limit. */
        TOO_MUCH_TEXT("too-much-text"),
        /** The parser gave up: what follows the point it reached is not in the snapshot. */
        UNREADABLE("unreadable"),
        /** More problems than the list holds: the detail says how many were left out. */
        MORE_PROBLEMS("more-problems");

        private final String label;

        Code(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
