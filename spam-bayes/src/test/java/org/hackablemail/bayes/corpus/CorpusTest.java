package org.hackablemail.bayes.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @TempDir
    Path directory;

    @Test
    void shouldSplitMessagesAndUnescapeFromLinesWhenReadingMbox() throws IOException {
        Path mbox = write(directory.resolve("inbox.mbox"), """
            From alice@example.org Mon Sep  2 10:00:00 2002
            Subject: one

            >From the start, a quoted line.
            >>From stays quoted once.

            From bob@example.org Mon Sep  2 11:00:00 2002
            Subject: two

            body two
            """);

        List<String> messages = contents(Corpus.open(mbox));

        assertThat(messages).containsExactly(
            "Subject: one\n\nFrom the start, a quoted line.\n>From stays quoted once.\n",
            "Subject: two\n\nbody two\n");
    }

    @Test
    void shouldGiveAMessageTheSameBytesWhereverItStandsInTheMbox() throws IOException {
        String message = "Subject: same\n\nbody\n";
        Path last = write(directory.resolve("last.mbox"), "From a@example.org Mon Sep  2 10:00:00 2002\n" + message);
        Path first = write(directory.resolve("first.mbox"), "From a@example.org Mon Sep  2 10:00:00 2002\n" + message
            + "\nFrom b@example.org Mon Sep  2 11:00:00 2002\nSubject: other\n\n");

        assertThat(contents(Corpus.open(first)).get(0)).isEqualTo(contents(Corpus.open(last)).get(0)).isEqualTo(message);
    }

    @Test
    void shouldReadCurAndNewButNotTmpWhenReadingMaildir() throws IOException {
        write(directory.resolve("cur/1.host:2,S"), "Subject: seen\n\n");
        write(directory.resolve("new/2.host"), "Subject: fresh\n\n");
        write(directory.resolve("tmp/3.host"), "Subject: partial\n\n");

        assertThat(contents(Corpus.open(directory))).containsExactly("Subject: seen\n\n", "Subject: fresh\n\n");
    }

    @Test
    void shouldReadOnlyMatchingVisibleFilesWhenReadingDirectory() throws IOException {
        write(directory.resolve("a.txt"), "Subject: a\n\n");
        write(directory.resolve("a.json"), "{}");
        write(directory.resolve(".hidden.txt"), "Subject: hidden\n\n");

        assertThat(contents(new MessageDirectory(directory, ".txt"))).containsExactly("Subject: a\n\n");
    }

    @Test
    void shouldReadEveryFileWhenDirectoryIsNotMaildir() throws IOException {
        write(directory.resolve("1.eml"), "Subject: one\n\n");
        write(directory.resolve("2.eml"), "Subject: two\n\n");

        assertThat(contents(Corpus.open(directory))).hasSize(2);
    }

    private static List<String> contents(Corpus corpus) throws IOException {
        try (Stream<RawMessage> messages = corpus.messages()) {
            return messages.map(message -> new String(message.content(), StandardCharsets.UTF_8)).toList();
        }
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
