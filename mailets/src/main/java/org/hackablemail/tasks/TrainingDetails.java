package org.hackablemail.tasks;

import java.time.Instant;

import org.apache.james.task.TaskExecutionDetails;

/**
 * Progress of a Bayes training task, as {@code GET /tasks/{id}} shows it under {@code additionalInformation}.
 *
 * @param source            {@code mailbox}, {@code upload} or {@code inbox}
 * @param user              whose mailbox is read (none for an upload or the inbox sweep)
 * @param mailbox           which mailbox is read
 * @param label             {@code spam} or {@code ham}
 * @param layer             {@code shared} or {@code personal}: which model learns
 * @param messagesPerSecond the pace
 * @param processed         messages read so far
 * @param learnt            of which the model learnt (new, or relabelled)
 * @param alreadyKnown      of which it already knew as such (each message counts once)
 * @param failed            of which could not be read or learnt; the task goes on with the next
 */
public record TrainingDetails(String source, String user, String mailbox, String label, String layer,
                              int messagesPerSecond, long processed, long learnt, long alreadyKnown, long failed,
                              Instant timestamp) implements TaskExecutionDetails.AdditionalInformation {
}
