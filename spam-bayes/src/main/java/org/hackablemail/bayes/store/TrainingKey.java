package org.hackablemail.bayes.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of one trained message within a scope: what makes training idempotent. A message in a mailbox is named
 * by the mail server's own message id ({@code mid:}), which survives moves and copies; a message that arrives as bytes
 * (mail to a training address, an upload, autolearn) by the SHA-256 of those bytes ({@code sha256:}). Never by the
 * {@code Message-ID} header, which the sender chooses.
 *
 * @param scope   whose training it is
 * @param message {@code mid:<id>} or {@code sha256:<64 hex digits>}
 */
public record TrainingKey(Scope scope, String message) {
    private static final String MAILBOX_PREFIX = "mid:";
    private static final String CONTENT_PREFIX = "sha256:";
    private static final int MAX_LENGTH = 200;

    public TrainingKey {
        if (scope == null || message == null) {
            throw new IllegalArgumentException("A training key needs a scope and a message");
        }
        boolean valid = message.length() <= MAX_LENGTH && message.chars().noneMatch(c -> c <= ' ' || c == 0x7f)
            && (message.startsWith(MAILBOX_PREFIX) && message.length() > MAILBOX_PREFIX.length()
                || message.startsWith(CONTENT_PREFIX) && message.length() == CONTENT_PREFIX.length() + 64);
        if (!valid) {
            throw new IllegalArgumentException("Not a message identity (mid:<id> or sha256:<hex>): '" + message + "'");
        }
    }

    /** A message in a mailbox, by the server's message id (the same for every copy of the message). */
    public static TrainingKey mailboxMessage(Scope scope, String messageId) {
        return new TrainingKey(scope, MAILBOX_PREFIX + messageId);
    }

    /** A message given as bytes, by their SHA-256. */
    public static TrainingKey content(Scope scope, byte[] message) {
        return new TrainingKey(scope, CONTENT_PREFIX + sha256(message));
    }

    /** The inverse of {@link #asString()}. */
    public static TrainingKey parse(String key) {
        int space = key.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("Not a training key: '" + key + "'");
        }
        return new TrainingKey(Scope.parse(key.substring(0, space)), key.substring(space + 1));
    }

    /** {@code <scope> <message>}: unique, and how stores may write the key in one column. */
    public String asString() {
        return scope.key() + ' ' + message;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
