package org.hackablemail.bayes.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hackablemail.bayes.classify.Verdict;

/**
 * SpamAssassin's Bayes classifier alone (no other rule), through its Perl API: one process learns a class, one scores
 * the test messages, reading file names on stdin (src/test/resources/bench/sa-bayes.pl). Its verdict is taken as
 * SpamAssassin's strongest Bayes rules read it: yes from 0.99 (BAYES_99), no up to 0.01 (BAYES_00).
 */
final class SpamAssassinBayes implements FilterUnderTest {
    private static final double YES = 0.99;
    private static final double NO = 0.01;

    static boolean isInstalled() {
        return FileNamesProcess.succeeds("perl", "-MMail::SpamAssassin", "-e", "1");
    }

    @Override
    public String name() {
        return "SA Bayes";
    }

    @Override
    public FoldResult run(List<LabelledMessage> training, List<LabelledMessage> testing) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("sa-bayes-bench");
        Path script = work.resolve("sa-bayes.pl");
        try (InputStream source = SpamAssassinBayes.class.getResourceAsStream("/bench/sa-bayes.pl")) {
            Files.copy(source, script);
        }
        Path database = work.resolve("db");
        try {
            long start = System.nanoTime();
            execute(script, List.of("learn", "spam", database.toString()), training.stream().filter(LabelledMessage::spam).toList());
            execute(script, List.of("learn", "ham", database.toString()), training.stream().filter(m -> !m.spam()).toList());
            long trained = System.nanoTime();
            List<String> scores = execute(script, List.of("score", database.toString()), testing);
            long classified = System.nanoTime();
            List<Outcome> outcomes = new ArrayList<>(testing.size());
            for (int i = 0; i < testing.size(); i++) {
                double score = Double.parseDouble(scores.get(i).trim());
                Verdict verdict = score >= YES ? Verdict.YES : score <= NO ? Verdict.NO : Verdict.UNKNOWN;
                outcomes.add(new Outcome(testing.get(i).spam(), score, verdict));
            }
            return new FoldResult(outcomes, trained - start, classified - trained);
        } finally {
            new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
        }
    }

    private static List<String> execute(Path script, List<String> arguments, List<LabelledMessage> messages)
        throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("perl", script.toString()));
        command.addAll(arguments);
        return FileNamesProcess.run(command, messages, 0);
    }
}
