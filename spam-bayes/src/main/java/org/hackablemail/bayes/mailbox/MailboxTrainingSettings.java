package org.hackablemail.bayes.mailbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What users' actions in their mailboxes teach.
 *
 * @param spamMailboxes   names of Spam mailboxes (any case); James's Spam role is the mailbox named {@code Spam}
 * @param trashMailboxes  names of Trash mailboxes (any case): moving spam out of Spam into one teaches nothing
 * @param keywords        learn from the {@code $Junk}/{@code $NotJunk} keywords (off by default: some clients set them
 *                        by their own filters)
 * @param hamOnReply      learn as ham a message the user answers ({@code \Answered} set), unless it is in Spam or Trash
 * @param hamInInboxAfter learn as ham what stayed in INBOX, not tagged spam, this long; empty: off
 */
public record MailboxTrainingSettings(Set<String> spamMailboxes, Set<String> trashMailboxes, boolean keywords,
                                      boolean hamOnReply, Optional<Duration> hamInInboxAfter) {
    /** Keywords that mean spam: RFC 5788's {@code $Junk}, and Thunderbird's {@code Junk}. */
    public static final Set<String> SPAM_KEYWORDS = Set.of("$junk", "junk");
    /** Keywords that mean not spam: {@code $NotJunk}, {@code NotJunk} and Thunderbird's {@code NonJunk}. */
    public static final Set<String> HAM_KEYWORDS = Set.of("$notjunk", "notjunk", "nonjunk");

    public static final MailboxTrainingSettings DEFAULT = new MailboxTrainingSettings(Set.of("Spam", "Junk"),
        Set.of("Trash", "Deleted Items", "Deleted Messages"), false, false, Optional.empty());

    public MailboxTrainingSettings {
        spamMailboxes = lowerCase(spamMailboxes);
        trashMailboxes = lowerCase(trashMailboxes);
        if (spamMailboxes.isEmpty()) {
            throw new IllegalArgumentException("At least one Spam mailbox name is needed");
        }
    }

    public boolean isSpam(String mailbox) {
        return spamMailboxes.contains(mailbox.toLowerCase(Locale.ROOT));
    }

    public boolean isTrash(String mailbox) {
        return trashMailboxes.contains(mailbox.toLowerCase(Locale.ROOT));
    }

    private static Set<String> lowerCase(Set<String> names) {
        return names.stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).filter(name -> !name.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    }
}
