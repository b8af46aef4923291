package org.hackablemail.bayes.store;

import java.util.Locale;

/** How a message came to be trained, recorded with it for administrators. */
public enum Source {
    /** Webadmin, a training task or the command line. */
    ADMIN,
    /** Mail to a training address. */
    MAIL,
    /** Moved or copied into or out of a Spam mailbox. */
    MOVE,
    /** A {@code $Junk}/{@code $NotJunk} keyword. */
    KEYWORD,
    /** The user answered it. */
    REPLY,
    /** It stayed in the inbox, untagged, long enough. */
    INBOX,
    /** A very confident verdict of the filter itself. */
    AUTOLEARN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
