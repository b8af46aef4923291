package org.hackablemail.bayes.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.hackablemail.bayes.FilterSettings;
import org.hackablemail.bayes.corpus.MessageDirectory;
import org.hackablemail.bayes.corpus.RawMessage;
import org.hackablemail.bayes.tokenize.MessageTokenizer;
import org.hackablemail.bayes.tokenize.TokenizerSettings;

/**
 * Accuracy and speed of our filter, and of bogofilter when installed, on the same folds in the same run. Not a test:
 * run it with {@code spam-bayes/bench.sh}. Usage:
 * <pre>
 * Benchmark [--ham DIR]... [--spam DIR]... [--suffix .txt] [--folds 10] [--test-ham DIR --test-spam DIR]
 *           [--pairs] [--no-bogofilter] [CORPUS_DATA_DIR]
 * </pre>
 * Without {@code --ham}/{@code --spam} it uses the SpamAssassin 2002 set under CORPUS_DATA_DIR. With
 * {@code --test-ham}/{@code --test-spam} it trains on all of the training set and scores those directories instead of
 * cross-validating.
 */
public final class Benchmark {
    private static final long SEED = 2002;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<LabelledMessage> corpus = load(options.ham, false, options.suffix);
        corpus.addAll(load(options.spam, true, options.suffix));
        List<LabelledMessage> heldOut = load(options.testHam, false, options.suffix);
        heldOut.addAll(load(options.testSpam, true, options.suffix));

        TokenizerSettings tokenizing = TokenizerSettings.DEFAULT.withWordPairs(options.wordPairs);
        List<FilterUnderTest> filters = new ArrayList<>();
        filters.add(new OurFilter(FilterSettings.DEFAULT.withTokenizing(tokenizing)));
        if (options.bogofilter && Bogofilter.isInstalled()) {
            filters.add(new Bogofilter());
        }
        System.out.printf("%d ham, %d spam; %s; tokenizer %s%n", count(corpus, false), count(corpus, true),
            heldOut.isEmpty() ? options.folds + "-fold cross-validation" : "tested on " + heldOut.size() + " held-out messages",
            tokenizing);

        warmUp(new MessageTokenizer(tokenizing), corpus);
        Map<String, Report> reports = new LinkedHashMap<>();
        if (heldOut.isEmpty()) {
            reports.putAll(crossValidate(filters, corpus, options.folds));
        } else {
            for (FilterUnderTest filter : filters) {
                reports.put(filter.name(),
                    Report.of(List.of(filter.run(corpus, heldOut)), filter.run(corpus, List.of()).trainNanos()));
            }
        }
        Report.print(reports);
    }

    /** A mail server classifies with compiled code; three passes get the JIT there before anything is timed. */
    private static void warmUp(MessageTokenizer tokenizer, List<LabelledMessage> corpus) {
        for (int pass = 0; pass < 3; pass++) {
            corpus.forEach(message -> tokenizer.tokenize(message.content()));
        }
    }

    /**
     * Fold by fold, the filters in turn: on this shared machine a burst of load from another job then falls on every
     * filter alike instead of on whichever was running, which keeps the speed ratios of one run comparable.
     */
    private static Map<String, Report> crossValidate(List<FilterUnderTest> filters, List<LabelledMessage> corpus, int folds)
        throws IOException, InterruptedException {
        List<LabelledMessage> shuffled = new ArrayList<>(corpus);
        Collections.shuffle(shuffled, new Random(SEED));
        Map<FilterUnderTest, List<FilterUnderTest.FoldResult>> results = new LinkedHashMap<>();
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledMessage> training = new ArrayList<>();
            List<LabelledMessage> testing = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == fold ? testing : training).add(shuffled.get(i));
            }
            for (FilterUnderTest filter : filters) {
                results.computeIfAbsent(filter, any -> new ArrayList<>()).add(filter.run(training, testing));
            }
        }
        Map<String, Report> reports = new LinkedHashMap<>();
        for (FilterUnderTest filter : filters) {
            // Trained last, once the JIT is warm: the figure a running server would see.
            reports.put(filter.name(), Report.of(results.get(filter), filter.run(shuffled, List.of()).trainNanos()));
        }
        return reports;
    }

    private static List<LabelledMessage> load(List<Path> directories, boolean spam, String suffix) throws IOException {
        List<LabelledMessage> messages = new ArrayList<>();
        for (Path directory : directories) {
            try (Stream<RawMessage> raw = new MessageDirectory(directory, suffix).messages()) {
                raw.forEach(message -> messages.add(new LabelledMessage(Path.of(message.name()), message.content(), spam)));
            }
        }
        return messages;
    }

    private static long count(List<LabelledMessage> messages, boolean spam) {
        return messages.stream().filter(message -> message.spam() == spam).count();
    }

    private static final class Options {
        private final List<Path> ham = new ArrayList<>();
        private final List<Path> spam = new ArrayList<>();
        private final List<Path> testHam = new ArrayList<>();
        private final List<Path> testSpam = new ArrayList<>();
        private String suffix = "";
        private int folds = 10;
        private boolean wordPairs = TokenizerSettings.DEFAULT.wordPairs();
        private boolean bogofilter = true;

        static Options parse(String[] args) {
            Options options = new Options();
            Path corpusData = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--ham" -> options.ham.add(Path.of(args[++i]));
                    case "--spam" -> options.spam.add(Path.of(args[++i]));
                    case "--test-ham" -> options.testHam.add(Path.of(args[++i]));
                    case "--test-spam" -> options.testSpam.add(Path.of(args[++i]));
                    case "--suffix" -> options.suffix = args[++i];
                    case "--folds" -> options.folds = Integer.parseInt(args[++i]);
                    case "--pairs" -> options.wordPairs = true;
                    case "--no-bogofilter" -> options.bogofilter = false;
                    default -> corpusData = Path.of(args[i]);
                }
            }
            if (options.ham.isEmpty() && options.spam.isEmpty()) {
                if (corpusData == null) {
                    throw new IllegalArgumentException("Give the corpus data directory, or --ham and --spam directories");
                }
                options.ham.addAll(List.of(corpusData.resolve("easy-ham-1"), corpusData.resolve("hard-ham-1")));
                options.spam.add(corpusData.resolve("spam-1"));
                options.suffix = ".txt";
            }
            return options;
        }
    }
}
