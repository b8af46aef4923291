package org.hackablemail.bayes.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A Maildir: delivered messages are in {@code new} and {@code cur}; {@code tmp} holds deliveries in progress. */
public final class Maildir implements Corpus {
    private final Path directory;

    public Maildir(Path directory) {
        this.directory = directory;
    }

    @Override
    public Stream<RawMessage> messages() throws IOException {
        Stream<RawMessage> current = new MessageDirectory(directory.resolve("cur"), "").messages();
        return Stream.concat(current, new MessageDirectory(directory.resolve("new"), "").messages());
    }
}
