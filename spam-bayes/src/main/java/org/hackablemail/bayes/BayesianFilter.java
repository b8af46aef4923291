package org.hackablemail.bayes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.hackablemail.bayes.classify.ChiSquareClassifier;
import org.hackablemail.bayes.classify.Classification;
import org.hackablemail.bayes.classify.ClassifierSettings;
import org.hackablemail.bayes.store.LuceneTokenStore;
import org.hackablemail.bayes.tokenize.MessageTokenizer;
import org.hackablemail.bayes.tokenize.TokenizerSettings;

/**
 * The filter as its users see it: raw messages in, verdicts out, trainable while classifying. One instance per store
 * directory, shared by all threads.
 */
public final class BayesianFilter implements AutoCloseable {
    private final MessageTokenizer tokenizer;
    private final ChiSquareClassifier classifier;
    private final LuceneTokenStore store;

    public BayesianFilter(MessageTokenizer tokenizer, ChiSquareClassifier classifier, LuceneTokenStore store) {
        this.tokenizer = tokenizer;
        this.classifier = classifier;
        this.store = store;
    }

    public static BayesianFilter open(Path directory, TokenizerSettings tokenizing, ClassifierSettings classifying)
        throws IOException {
        return new BayesianFilter(new MessageTokenizer(tokenizing), new ChiSquareClassifier(classifying),
            LuceneTokenStore.open(directory));
    }

    public Classification classify(byte[] message) {
        return classifier.classify(tokenizer.tokenize(message), store);
    }

    /** Learns the messages, all with the same label, in one commit. */
    public void train(Label label, List<byte[]> messages) throws IOException {
        List<Set<String>> tokens = messages.stream().map(tokenizer::tokenize).toList();
        store.train(label, tokens);
    }

    /** Statistics, export, import and reset. */
    public LuceneTokenStore store() {
        return store;
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
