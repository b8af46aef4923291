package org.hackablemail.bayes.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.store.Source;
import org.junit.jupiter.api.Test;

class MailboxTrainingRulesTest {
    private static final MailboxLesson SPAM_MOVE = new MailboxLesson(Label.SPAM, Source.MOVE);
    private static final MailboxLesson HAM_MOVE = new MailboxLesson(Label.HAM, Source.MOVE);

    private final MailboxTrainingRules defaults = new MailboxTrainingRules(MailboxTrainingSettings.DEFAULT);
    private final MailboxTrainingRules everything = new MailboxTrainingRules(new MailboxTrainingSettings(
        Set.of("Spam", "Junk"), Set.of("Trash"), true, true, Optional.empty()));

    @Test
    void shouldLearnSpamWhenMovedOrCopiedIntoSpamWhateverTheCase() {
        assertThat(defaults.onMove(List.of("INBOX"), List.of("Spam"))).contains(SPAM_MOVE);
        assertThat(defaults.onMove(List.of(), List.of("Spam"))).contains(SPAM_MOVE);
        assertThat(defaults.onMove(List.of("Archive"), List.of("junk"))).contains(SPAM_MOVE);
    }

    @Test
    void shouldLearnHamWhenMovedOutOfSpamToAnythingButTrash() {
        assertThat(defaults.onMove(List.of("Spam"), List.of("INBOX"))).contains(HAM_MOVE);
        assertThat(defaults.onMove(List.of("Junk"), List.of("Receipts"))).contains(HAM_MOVE);
    }

    @Test
    void shouldLearnNothingWhenSpamIsThrownAway() {
        assertThat(defaults.onMove(List.of("Spam"), List.of("Trash"))).isEmpty();
        assertThat(defaults.onMove(List.of("Spam"), List.of("Deleted Items"))).isEmpty();
    }

    @Test
    void shouldLearnNothingFromMovesThatDoNotTouchSpam() {
        assertThat(defaults.onMove(List.of("INBOX"), List.of("Trash"))).isEmpty();
        assertThat(defaults.onMove(List.of("Trash"), List.of("INBOX"))).isEmpty();
        assertThat(defaults.onMove(List.of("INBOX"), List.of("Archive"))).isEmpty();
    }

    @Test
    void shouldLearnNothingFromACopyOutOfSpam() {
        assertThat(defaults.onMove(List.of(), List.of("INBOX"))).isEmpty();
    }

    @Test
    void shouldIgnoreKeywordsAndAnswersByDefault() {
        assertThat(defaults.onFlags("INBOX", List.of("$Junk"), false)).isEmpty();
        assertThat(defaults.onFlags("INBOX", List.of(), true)).isEmpty();
        assertThat(defaults.learnsFromFlags()).isFalse();
    }

    @Test
    void shouldLearnFromEveryAcceptedSpellingOfTheKeywordsWhenEnabled() {
        for (String spam : List.of("$Junk", "$junk", "Junk")) {
            assertThat(everything.onFlags("INBOX", List.of(spam), false)).contains(new MailboxLesson(Label.SPAM, Source.KEYWORD));
        }
        for (String ham : List.of("$NotJunk", "NotJunk", "NonJunk", "nonjunk")) {
            assertThat(everything.onFlags("Spam", List.of(ham), false)).contains(new MailboxLesson(Label.HAM, Source.KEYWORD));
        }
    }

    @Test
    void shouldLearnNothingFromContradictoryOrUnrelatedKeywords() {
        assertThat(everything.onFlags("INBOX", List.of("$Junk", "$NotJunk"), false)).isEmpty();
        assertThat(everything.onFlags("INBOX", List.of("$Forwarded", "$label1"), false)).isEmpty();
    }

    @Test
    void shouldLearnHamFromAnAnswerOutsideSpamAndTrashWhenEnabled() {
        assertThat(everything.onFlags("INBOX", List.of(), true)).contains(new MailboxLesson(Label.HAM, Source.REPLY));
        assertThat(everything.onFlags("Spam", List.of(), true)).isEmpty();
        assertThat(everything.onFlags("Trash", List.of(), true)).isEmpty();
    }

    @Test
    void settingsShouldRefuseToHaveNoSpamMailbox() {
        assertThatThrownBy(() -> new MailboxTrainingSettings(Set.of(" "), Set.of(), false, false, Optional.empty()))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
