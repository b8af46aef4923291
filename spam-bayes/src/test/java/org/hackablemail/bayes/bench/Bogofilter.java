package org.hackablemail.bayes.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hackablemail.bayes.classify.Verdict;

/** bogofilter run as its users run it: one process per bulk command, reading the corpus files by name on stdin. */
final class Bogofilter implements FilterUnderTest {
    private static final Map<String, Verdict> VERDICTS = Map.of("S", Verdict.YES, "H", Verdict.NO, "U", Verdict.UNKNOWN);

    static boolean isInstalled() {
        return FileNamesProcess.succeeds("bogofilter", "-V");
    }

    @Override
    public String name() {
        return "bogofilter";
    }

    @Override
    public FoldResult run(List<LabelledMessage> training, List<LabelledMessage> testing) throws IOException, InterruptedException {
        Path database = Files.createTempDirectory("bogofilter-bench");
        long start = System.nanoTime();
        execute(database, "-s", training.stream().filter(LabelledMessage::spam).toList());
        execute(database, "-n", training.stream().filter(message -> !message.spam()).toList());
        long trained = System.nanoTime();
        List<String> lines = execute(database, "-T", testing);
        long classified = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>(testing.size());
        for (int i = 0; i < testing.size(); i++) {
            String[] fields = lines.get(i).trim().split("\\s+");
            outcomes.add(new Outcome(testing.get(i).spam(), Double.parseDouble(fields[fields.length - 1]),
                VERDICTS.get(fields[fields.length - 2])));
        }
        new ProcessBuilder("rm", "-rf", database.toString()).start().waitFor();
        return new FoldResult(outcomes, trained - start, classified - trained);
    }

    private static List<String> execute(Path database, String mode, List<LabelledMessage> messages)
        throws IOException, InterruptedException {
        return FileNamesProcess.run(List.of("bogofilter", "-d", database.toString(), mode, "-b"), messages, 2);
    }
}
