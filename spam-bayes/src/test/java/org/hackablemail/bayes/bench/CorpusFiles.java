package org.hackablemail.bayes.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.hackablemail.bayes.corpus.MessageDirectory;
import org.hackablemail.bayes.corpus.RawMessage;

/** The labelled messages of a directory of message files. */
final class CorpusFiles {
    private CorpusFiles() {
    }

    static List<LabelledMessage> load(Path directory, boolean spam, String suffix) throws IOException {
        List<LabelledMessage> messages = new ArrayList<>();
        try (Stream<RawMessage> raw = new MessageDirectory(directory, suffix).messages()) {
            raw.forEach(message -> messages.add(new LabelledMessage(Path.of(message.name()), message.content(), spam)));
        }
        return messages;
    }
}
