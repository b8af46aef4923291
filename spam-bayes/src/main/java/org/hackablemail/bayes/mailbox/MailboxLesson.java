package org.hackablemail.bayes.mailbox;

import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.store.Source;

/** What a user's action teaches about the messages it touched. */
public record MailboxLesson(Label label, Source source) {
}
