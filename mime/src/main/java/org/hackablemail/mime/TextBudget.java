package org.hackablemail.mime;

/** The characters of text and header values a snapshot may still keep. */
final class TextBudget {
    private long left;

    TextBudget(long chars) {
        this.left = chars;
    }

    long left() {
        return left;
    }

    boolean allows(long chars) {
        return chars <= left;
    }

    void spend(long chars) {
        left = Math.max(0, left - chars);
    }
}
