package org.hackablemail.core.guests;

/** An invite code that cannot be redeemed. Unknown, expired and used codes get the same message on purpose. */
public class InvalidCodeException extends Exception {
    public InvalidCodeException() {
        super("This invite code is unknown, expired or already used: mail the IT address again for a new one");
    }
}
