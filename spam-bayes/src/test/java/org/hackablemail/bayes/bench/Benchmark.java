package org.hackablemail.bayes.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hackablemail.bayes.FilterSettings;
import org.hackablemail.bayes.classify.ClassifierSettings;
import org.hackablemail.bayes.tokenize.MessageTokenizer;
import org.hackablemail.bayes.tokenize.TokenizerSettings;

/**
 * Accuracy and speed of our filter, side by side with bogofilter and SpamAssassin's Bayes when installed, on the same
 * messages in the same run. Not a test: run it with {@code spam-bayes/bench.sh}. Usage:
 * <pre>
 * Benchmark [--ham DIR]... [--spam DIR]... [--suffix .txt] [--folds 10] [--test-ham DIR --test-spam DIR]
 *           [--pairs] [--strength S] [--min-deviation D] [--discriminators N] [--shared-strength K]
 *           [--no-bogofilter] [--no-spamassassin] [--no-cv] [--no-users] [CORPUS_DATA_DIR]
 * </pre>
 * Without {@code --ham}/{@code --spam} it uses the SpamAssassin 2002 set under CORPUS_DATA_DIR. It reports, in order:
 * the temporal split (train on the messages that arrived before the median arrival, by their first {@code Received}
 * line, test on the later ones), the random cross-validation, and the per-user simulation on the temporal split. With
 * {@code --test-ham}/{@code --test-spam} it trains on all of the training set and scores those directories instead.
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

        FilterSettings settings = options.settings();
        System.out.printf("%d ham, %d spam; tokenizer %s; classifier %s; layers %s%n", count(corpus, false),
            count(corpus, true), settings.tokenizing(), settings.classifying(), settings.layers());
        warmUp(new MessageTokenizer(settings.tokenizing()), corpus);

        if (!heldOut.isEmpty()) {
            System.out.printf("%nTrained on all, tested on %d held-out messages%n", heldOut.size());
            Report.print(runOnce(filters(options, settings, true), corpus, heldOut));
            return;
        }
        TemporalSplit split = TemporalSplit.atMedian(corpus);
        System.out.printf("%nTemporal split: trained on the %d ham and %d spam that arrived before %s, tested on the "
            + "%d ham and %d spam after%n", count(split.training(), false), count(split.training(), true), split.cutoff(),
            count(split.testing(), false), count(split.testing(), true));
        Report.print(runOnce(filters(options, settings, true), split.training(), split.testing()));
        if (options.crossValidate) {
            System.out.printf("%n%d-fold cross-validation (random folds, seed %d)%n", options.folds, SEED);
            Report.print(crossValidate(filters(options, settings, false), corpus, options.folds));
        }
        if (options.users) {
            new PerUserSimulation(settings).run(split.training(), split.testing());
        }
    }

    private static List<FilterUnderTest> filters(Options options, FilterSettings settings, boolean withSpamAssassin) {
        List<FilterUnderTest> filters = new ArrayList<>();
        filters.add(new OurFilter(settings));
        if (options.bogofilter && Bogofilter.isInstalled()) {
            filters.add(new Bogofilter());
        }
        if (withSpamAssassin && options.spamAssassin && SpamAssassinBayes.isInstalled()) {
            filters.add(new SpamAssassinBayes());
        }
        return filters;
    }

    private static Map<String, Report> runOnce(List<FilterUnderTest> filters, List<LabelledMessage> training,
                                               List<LabelledMessage> testing) throws IOException, InterruptedException {
        Map<String, Report> reports = new LinkedHashMap<>();
        for (FilterUnderTest filter : filters) {
            FilterUnderTest.FoldResult result = filter.run(training, testing);
            reports.put(filter.name(), Report.of(List.of(result), result.trainNanos()));
        }
        return reports;
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

    /** The messages that arrived before the median arrival, and the rest; messages without a date are left out. */
    record TemporalSplit(Instant cutoff, List<LabelledMessage> training, List<LabelledMessage> testing) {
        static TemporalSplit atMedian(List<LabelledMessage> corpus) {
            List<LabelledMessage> dated = corpus.stream().filter(message -> message.arrival().isPresent())
                .sorted(Comparator.comparing(message -> message.arrival().orElseThrow())).toList();
            Instant cutoff = dated.get(dated.size() / 2).arrival().orElseThrow();
            List<LabelledMessage> training = dated.stream().filter(m -> m.arrival().orElseThrow().isBefore(cutoff)).toList();
            List<LabelledMessage> testing = dated.stream().filter(m -> !m.arrival().orElseThrow().isBefore(cutoff)).toList();
            if (dated.size() < corpus.size()) {
                System.out.printf("(%d messages without a date left out of the temporal split)%n", corpus.size() - dated.size());
            }
            return new TemporalSplit(cutoff, training, testing);
        }
    }

    private static List<LabelledMessage> load(List<Path> directories, boolean spam, String suffix) throws IOException {
        List<LabelledMessage> messages = new ArrayList<>();
        for (Path directory : directories) {
            messages.addAll(CorpusFiles.load(directory, spam, suffix));
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
        private boolean spamAssassin = true;
        private boolean crossValidate = true;
        private boolean users = true;
        private ClassifierSettings classifier = ClassifierSettings.DEFAULT;
        private double sharedStrength = FilterSettings.DEFAULT.layers().sharedStrength();

        FilterSettings settings() {
            return FilterSettings.DEFAULT
                .withTokenizing(TokenizerSettings.DEFAULT.withWordPairs(wordPairs))
                .withClassifying(classifier)
                .withLayers(FilterSettings.DEFAULT.layers().withSharedStrength(sharedStrength));
        }

        static Options parse(String[] args) {
            Options options = new Options();
            Path corpusData = null;
            for (int i = 0; i < args.length; i++) {
                ClassifierSettings c = options.classifier;
                switch (args[i]) {
                    case "--ham" -> options.ham.add(Path.of(args[++i]));
                    case "--spam" -> options.spam.add(Path.of(args[++i]));
                    case "--test-ham" -> options.testHam.add(Path.of(args[++i]));
                    case "--test-spam" -> options.testSpam.add(Path.of(args[++i]));
                    case "--suffix" -> options.suffix = args[++i];
                    case "--folds" -> options.folds = Integer.parseInt(args[++i]);
                    case "--pairs" -> options.wordPairs = true;
                    case "--strength" -> options.classifier = new ClassifierSettings(c.spamCutoff(), c.hamCutoff(),
                        c.minSpamMessages(), c.minHamMessages(), Double.parseDouble(args[++i]), c.prior(), c.minDeviation(),
                        c.maxDiscriminators());
                    case "--min-deviation" -> options.classifier = new ClassifierSettings(c.spamCutoff(), c.hamCutoff(),
                        c.minSpamMessages(), c.minHamMessages(), c.strength(), c.prior(), Double.parseDouble(args[++i]),
                        c.maxDiscriminators());
                    case "--discriminators" -> options.classifier = new ClassifierSettings(c.spamCutoff(), c.hamCutoff(),
                        c.minSpamMessages(), c.minHamMessages(), c.strength(), c.prior(), c.minDeviation(),
                        Integer.parseInt(args[++i]));
                    case "--shared-strength" -> options.sharedStrength = Double.parseDouble(args[++i]);
                    case "--no-bogofilter" -> options.bogofilter = false;
                    case "--no-spamassassin" -> options.spamAssassin = false;
                    case "--no-cv" -> options.crossValidate = false;
                    case "--no-users" -> options.users = false;
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
