package org.hackablemail.bayes.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A corpus message with its true class; the file is kept for filters that read from disk.
 *
 * @param arrival when it arrived (first {@code Received}, else {@code Date}), for the temporal split
 */
record LabelledMessage(Path file, byte[] content, boolean spam, Optional<Instant> arrival) {
    LabelledMessage(Path file, byte[] content, boolean spam) {
        this(file, content, spam, MessageDates.arrival(content));
    }
}
