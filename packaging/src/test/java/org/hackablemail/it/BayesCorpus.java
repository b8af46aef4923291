package org.hackablemail.it;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Made-up spam and ham for the Bayes end-to-end tests, as single messages and as mbox files. */
final class BayesCorpus {
    static final int TRAINING_SIZE = 25;

    private BayesCorpus() {
    }

    static String spam(int n) {
        return "From: winner" + n + "@lottery.example\r\nSubject: Claim your casino prize " + n + "\r\n\r\n"
            + "Cheap pills, casino bonus and lottery winnings: claim your prize now, limited offer\r\n";
    }

    static String ham(int n) {
        return "From: colleague" + n + "@work.example\r\nSubject: Project meeting " + n + "\r\n\r\n"
            + "Minutes of the project meeting: the release schedule, code review and test plan\r\n";
    }

    static String spamMbox() {
        return mbox(IntStream.range(0, TRAINING_SIZE).mapToObj(BayesCorpus::spam).toList());
    }

    static String hamMbox(int from, int count) {
        return mbox(IntStream.range(from, from + count).mapToObj(BayesCorpus::ham).toList());
    }

    static String mbox(List<String> messages) {
        return messages.stream()
            .map(message -> "From sender@example.org Thu Jan  1 00:00:00 2026\n" + message.replace("\r\n", "\n"))
            .collect(Collectors.joining("\n"));
    }
}
