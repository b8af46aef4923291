package org.hackablemail.bayes.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.FilterSettings;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.classify.Verdict;
import org.hackablemail.bayes.model.LayerSettings;
import org.hackablemail.bayes.store.InMemoryBayesStore;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingKey;

/**
 * Users with their own view of one class of messages, for two kinds of class in the ham: newsletters (one sender, no
 * {@code List-Id}: the same template every time) and discussion lists (one {@code List-Id}, many authors and topics).
 * For each class with enough messages on both sides of the temporal split, a user who does not want it moves its first
 * K messages of the training period to Spam (their personal layer), and its later messages are classified for that
 * user, for another user, and for the user's other ham; then K users report it, enough for the shared model to learn it.
 */
final class PerUserSimulation {
    private static final Pattern LIST_ID = Pattern.compile("(?im)^List-Id:[^\\r\\n]*<([^>\\r\\n]+)>");
    private static final Pattern FROM_ADDRESS = Pattern.compile("(?im)^From:[^\\r\\n]*?([\\w.+-]+@[\\w.-]+)");
    private static final int MIN_LIST_MESSAGES = 10;
    private static final int[] CORRECTIONS = {0, 1, 2, 3, 5, 10};
    private static final int REPORTERS = 3;
    private static final int CORRECTIONS_PER_REPORTER = 5;

    private final FilterSettings settings;

    PerUserSimulation(FilterSettings settings) {
        this.settings = settings;
    }

    void run(List<LabelledMessage> training, List<LabelledMessage> testing) {
        BayesianFilter filter = new BayesianFilter(new InMemoryBayesStore(),
            settings.withLayers(settings.layers().withMinReporters(REPORTERS)));
        filter.train(Label.SPAM, contents(training, true));
        filter.train(Label.HAM, contents(training, false));
        Map<LabelledMessage, Set<String>> tokens = new HashMap<>();
        testing.forEach(message -> tokens.put(message, filter.tokenize(message.content())));
        run(filter, tokens, training, testing, "newsletter (one sender, no List-Id)", PerUserSimulation::newsletterOf);
        run(filter, tokens, training, testing, "mailing list (one List-Id)", PerUserSimulation::listOf);
    }

    private void run(BayesianFilter filter, Map<LabelledMessage, Set<String>> tokens, List<LabelledMessage> training,
                     List<LabelledMessage> testing, String kind, Function<LabelledMessage, Optional<String>> classOf) {
        Map<String, List<LabelledMessage>> before = classes(training, classOf);
        Map<String, List<LabelledMessage>> after = classes(testing, classOf);
        List<String> lists = before.keySet().stream()
            .filter(list -> before.get(list).size() >= MIN_LIST_MESSAGES && after.getOrDefault(list, List.of()).size() >= MIN_LIST_MESSAGES)
            .sorted().toList();

        System.out.printf("%nPer-user simulation, each %s of the ham: a user who does not want it moves its first K "
            + "messages (training period) to Spam;%nverdicts on its later messages; mean over %d classes (%s)%n",
            kind, lists.size(), String.join(", ", lists));
        System.out.printf("%-4s %25s %27s %24s %24s %22s%n", "K", "class → yes for the user",
            "class → not no for the user", "class → yes for others", "user's other ham → yes", "user's spam → yes");
        for (int corrections : CORRECTIONS) {
            double[] sums = new double[5];
            for (String list : lists) {
                Scope user = Scope.user("k" + corrections + "-" + list + "@users.example");
                List<TrainingKey> taught = correct(filter, user, before.get(list), corrections, 0);
                List<LabelledMessage> others = testing.stream()
                    .filter(message -> !message.spam() && !classOf.apply(message).equals(Optional.of(list))).toList();
                sums[0] += share(filter, tokens, after.get(list), Optional.of(user), Set.of(Verdict.YES));
                sums[1] += share(filter, tokens, after.get(list), Optional.of(user), Set.of(Verdict.YES, Verdict.UNKNOWN));
                sums[2] += flagged(filter, tokens, after.get(list), Optional.empty());
                sums[3] += flagged(filter, tokens, others, Optional.of(user));
                sums[4] += flagged(filter, tokens, testing.stream().filter(LabelledMessage::spam).toList(), Optional.of(user));
                taught.forEach(key -> filter.forget(key, Source.ADMIN));
            }
            System.out.printf("%-4d %24.2f%% %26.2f%% %23.2f%% %23.2f%% %21.2f%%%n", corrections,
                100 * sums[0] / lists.size(), 100 * sums[1] / lists.size(), 100 * sums[2] / lists.size(),
                100 * sums[3] / lists.size(), 100 * sums[4] / lists.size());
        }
        double reported = 0;
        long reportedMessages = 0;
        long promoted = 0;
        for (String list : lists) {
            List<TrainingKey> taught = new ArrayList<>();
            for (int reporter = 0; reporter < REPORTERS; reporter++) {
                taught.addAll(correct(filter, Scope.user("reporter" + reporter + "-" + list + "@users.example"),
                    before.get(list), CORRECTIONS_PER_REPORTER, reporter * CORRECTIONS_PER_REPORTER));
            }
            reported += flagged(filter, tokens, after.get(list), Optional.empty());
            reportedMessages += taught.size();
            promoted += filter.statistics().promotedMessages();
            taught.forEach(key -> filter.forget(key, Source.ADMIN));
        }
        System.out.printf("%d users report the class (%d messages each): class → yes for everyone else %.2f%%; %d of the %d "
            + "reported messages joined the shared model (a class needs %d distinct users who trained it alike)%n",
            REPORTERS, CORRECTIONS_PER_REPORTER, 100 * reported / lists.size(), promoted, reportedMessages, REPORTERS);
    }

    /** The user moves {@code count} of the list's messages, from {@code from} on, to Spam. */
    private static List<TrainingKey> correct(BayesianFilter filter, Scope user, List<LabelledMessage> list, int count, int from) {
        List<TrainingKey> taught = new ArrayList<>();
        for (LabelledMessage message : list.subList(Math.min(from, list.size()), Math.min(from + count, list.size()))) {
            TrainingKey key = TrainingKey.content(user, message.content());
            filter.learn(key, Label.SPAM, Source.MOVE, message::content);
            taught.add(key);
        }
        return taught;
    }

    private static double flagged(BayesianFilter filter, Map<LabelledMessage, Set<String>> tokens,
                                  List<LabelledMessage> messages, Optional<Scope> user) {
        return share(filter, tokens, messages, user, Set.of(Verdict.YES));
    }

    private static double share(BayesianFilter filter, Map<LabelledMessage, Set<String>> tokens,
                                List<LabelledMessage> messages, Optional<Scope> user, Set<Verdict> verdicts) {
        long matching = messages.stream()
            .filter(message -> verdicts.contains(filter.classify(tokens.get(message), user).verdict()))
            .count();
        return messages.isEmpty() ? 0 : (double) matching / messages.size();
    }

    /** The ham of each class, in order of arrival. */
    private static Map<String, List<LabelledMessage>> classes(List<LabelledMessage> messages,
                                                              Function<LabelledMessage, Optional<String>> classOf) {
        Map<String, List<LabelledMessage>> classes = new LinkedHashMap<>();
        messages.stream()
            .filter(message -> !message.spam())
            .sorted(java.util.Comparator.comparing(message -> message.arrival().orElseThrow()))
            .forEach(message -> classOf.apply(message)
                .ifPresent(name -> classes.computeIfAbsent(name, any -> new ArrayList<>()).add(message)));
        return classes;
    }

    private static Optional<String> listOf(LabelledMessage message) {
        Matcher matcher = LIST_ID.matcher(header(message));
        return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
    }

    /** The sender's address of a message that no list sent. */
    private static Optional<String> newsletterOf(LabelledMessage message) {
        String header = header(message);
        Matcher from = FROM_ADDRESS.matcher(header);
        return LIST_ID.matcher(header).find() || !from.find() ? Optional.empty()
            : Optional.of(from.group(1).toLowerCase(java.util.Locale.ROOT));
    }

    /** The header section (at most the first 20,000 bytes), so that a quoted "From:" in a body is not read. */
    private static String header(LabelledMessage message) {
        String head = new String(message.content(), 0, Math.min(message.content().length, 20_000), StandardCharsets.ISO_8859_1);
        Matcher blankLine = Pattern.compile("\\r?\\n\\r?\\n").matcher(head);
        return blankLine.find() ? head.substring(0, blankLine.start()) : head;
    }

    private static List<byte[]> contents(List<LabelledMessage> messages, boolean spam) {
        return messages.stream().filter(message -> message.spam() == spam).map(LabelledMessage::content).toList();
    }
}
