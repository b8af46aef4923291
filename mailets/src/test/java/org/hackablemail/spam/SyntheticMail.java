package org.hackablemail.spam;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/** Small made-up spam and ham, distinct enough that a filter trained on a few dozen of each tells them apart. */
public final class SyntheticMail {
    public static final String SPAM_TEXT = "Cheap pills, casino bonus and lottery winnings: claim your prize now, limited offer";
    public static final String HAM_TEXT = "Minutes of the project meeting: the release schedule, code review and test plan";

    private SyntheticMail() {
    }

    public static byte[] spam(int n) {
        return message("winner" + n + "@lottery.example", "Claim your casino prize " + n, SPAM_TEXT);
    }

    public static byte[] ham(int n) {
        return message("colleague" + n + "@work.example", "Project meeting " + n, HAM_TEXT);
    }

    public static List<byte[]> spam() {
        return IntStream.range(0, 25).mapToObj(SyntheticMail::spam).toList();
    }

    public static List<byte[]> ham() {
        return IntStream.range(0, 25).mapToObj(SyntheticMail::ham).toList();
    }

    public static byte[] message(String from, String subject, String text) {
        return ("From: " + from + "\r\nTo: someone@demo.test\r\nSubject: " + subject + "\r\n\r\n" + text + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    }
}
