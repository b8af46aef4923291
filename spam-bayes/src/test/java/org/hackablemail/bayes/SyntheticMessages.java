package org.hackablemail.bayes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/** Made-up messages of a few kinds, for the filter's tests. */
public final class SyntheticMessages {
    private SyntheticMessages() {
    }

    public static byte[] spam(int number) {
        return message("deals" + number + "@cheap-pills.biz", "Cheap pills offer " + number,
            "Buy cheap pills now, limited offer, click http://cheap-pills.biz/" + number);
    }

    public static byte[] ham(int number) {
        return message("colleague" + number + "@example.org", "Meeting notes " + number,
            "Here are the notes of the project meeting, see the agenda for item " + number);
    }

    /** One issue of a newsletter, as one subscriber gets it: the same text for all but the greeting and the issue. */
    public static byte[] newsletter(String subscriber, int issue) {
        return message("letters@garden-club.example", "Garden club digest " + issue,
            "Dear " + subscriber + ", this week in the garden club: tulips, roses, compost, seedlings and watering "
                + "tips for the spring planting season. Visit https://garden-club.example/issue" + issue
                + " for pictures. Unsubscribe at https://garden-club.example/unsubscribe");
    }

    public static List<byte[]> spam(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(SyntheticMessages::spam).toList();
    }

    public static List<byte[]> ham(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(SyntheticMessages::ham).toList();
    }

    static byte[] message(String from, String subject, String body) {
        return String.join("\n", List.of("From: " + from, "To: me@example.org", "Subject: " + subject, "", body, ""))
            .getBytes(StandardCharsets.UTF_8);
    }
}
