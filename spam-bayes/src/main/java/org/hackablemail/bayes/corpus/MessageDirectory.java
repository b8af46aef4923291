package org.hackablemail.bayes.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A directory holding one message per file, such as {@code .eml} files; hidden files and subdirectories are skipped. */
public final class MessageDirectory implements Corpus {
    private final Path directory;
    private final String suffix;

    /** @param suffix only files whose name ends with it are read; empty for all */
    public MessageDirectory(Path directory, String suffix) {
        this.directory = directory;
        this.suffix = suffix;
    }

    @Override
    public Stream<RawMessage> messages() throws IOException {
        return Files.list(directory)
            .filter(Files::isRegularFile)
            .filter(file -> !file.getFileName().toString().startsWith("."))
            .filter(file -> file.getFileName().toString().endsWith(suffix))
            .sorted()
            .map(Corpus::read);
    }
}
