package org.hackablemail.bayes.bench;

import java.nio.file.Path;

/** A corpus message with its true class; the file is kept for filters that read from disk. */
record LabelledMessage(Path file, byte[] content, boolean spam) {
}
