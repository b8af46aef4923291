package org.hackablemail.bayes.mailbox;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.store.Source;

/**
 * What a user teaches by moving messages or flagging them, as James's {@code RspamdListener} reads it: into Spam is
 * spam; out of Spam into anything but Trash is ham; with the options on, a spam or ham keyword, or an answer.
 * Pure: the James listener resolves mailbox names and flags, these rules decide.
 */
public final class MailboxTrainingRules {
    private final MailboxTrainingSettings settings;

    public MailboxTrainingRules(MailboxTrainingSettings settings) {
        this.settings = settings;
    }

    public MailboxTrainingSettings settings() {
        return settings;
    }

    /**
     * A move or copy of messages.
     *
     * @param leftMailboxes   the user's mailboxes the messages left (empty for a copy)
     * @param joinedMailboxes the user's mailboxes the messages were added to
     */
    public Optional<MailboxLesson> onMove(Collection<String> leftMailboxes, Collection<String> joinedMailboxes) {
        if (joinedMailboxes.stream().anyMatch(settings::isSpam)) {
            return Optional.of(new MailboxLesson(Label.SPAM, Source.MOVE));
        }
        boolean outOfSpam = leftMailboxes.stream().anyMatch(settings::isSpam);
        if (outOfSpam && !joinedMailboxes.isEmpty() && joinedMailboxes.stream().noneMatch(settings::isTrash)) {
            return Optional.of(new MailboxLesson(Label.HAM, Source.MOVE));
        }
        return Optional.empty();
    }

    /**
     * A change of flags on messages of one mailbox.
     *
     * @param addedKeywords user flags (keywords) the messages just got
     * @param answered      whether they were just marked {@code \Answered}
     */
    public Optional<MailboxLesson> onFlags(String mailbox, Collection<String> addedKeywords, boolean answered) {
        if (settings.keywords()) {
            boolean spam = addedKeywords.stream().anyMatch(keyword -> MailboxTrainingSettings.SPAM_KEYWORDS.contains(lower(keyword)));
            boolean ham = addedKeywords.stream().anyMatch(keyword -> MailboxTrainingSettings.HAM_KEYWORDS.contains(lower(keyword)));
            if (spam != ham) {
                return Optional.of(new MailboxLesson(spam ? Label.SPAM : Label.HAM, Source.KEYWORD));
            }
        }
        if (settings.hamOnReply() && answered && !settings.isSpam(mailbox) && !settings.isTrash(mailbox)) {
            return Optional.of(new MailboxLesson(Label.HAM, Source.REPLY));
        }
        return Optional.empty();
    }

    /** Whether flag changes can teach anything at all, so that a listener may ignore them cheaply. */
    public boolean learnsFromFlags() {
        return settings.keywords() || settings.hamOnReply();
    }

    private static String lower(String keyword) {
        return keyword.toLowerCase(Locale.ROOT);
    }
}
