package org.hackablemail.bayes.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A collection of messages read lazily from disk. The stream must be closed. */
public interface Corpus {
    Stream<RawMessage> messages() throws IOException;

    /** An mbox for a file, a Maildir for a directory with {@code cur} and {@code new}, otherwise a directory of files. */
    static Corpus open(Path path) {
        if (Files.isRegularFile(path)) {
            return new Mbox(path);
        }
        if (Files.isDirectory(path.resolve("cur")) && Files.isDirectory(path.resolve("new"))) {
            return new Maildir(path);
        }
        return new MessageDirectory(path, "");
    }

    static RawMessage read(Path file) {
        try {
            return new RawMessage(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
