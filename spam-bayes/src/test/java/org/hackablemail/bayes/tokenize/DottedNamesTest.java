package org.hackablemail.bayes.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class DottedNamesTest {
    /** The regular expression the scanner replaced: its specification. */
    private static final Pattern DOTTED_NAME = Pattern.compile("(?i)\\b[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)+\\b");

    @Test
    void shouldFindHostsAndAddressesWhenFieldIsReceived() {
        String received = "from mail.Example.org (mx-1.example.org [192.0.2.17])\n\tby relay.example.net (Postfix) with"
            + " ESMTP id 4F2A1; Mon, 24 Jun 2002 10:00:00 +0100";

        assertThat(DottedNames.in(received))
            .containsExactly("mail.Example.org", "mx-1.example.org", "192.0.2.17", "relay.example.net");
    }

    @Test
    void shouldEndAtLastWordBoundaryWhenNameEndsWithHyphenOrDot() {
        assertThat(DottedNames.in("by a.example.com-. then b.c--d.")).containsExactly("a.example.com", "b.c--d");
    }

    @Test
    void shouldKeepOnlyWordBoundedPartWhenNameTouchesAWord() {
        assertThat(DottedNames.in("_x.example.org a.example.orgé y.z_")).containsExactly("example.org", "a.example");
    }

    @Test
    void shouldMatchRegularExpressionWhenValuesAreRandom() {
        Random random = new Random(7);
        String alphabet = "aZ9-._ é@[]()\t;";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int length = random.nextInt(30); length > 0; length--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(DottedNames.in(value.toString())).as(value.toString()).isEqualTo(regexMatches(value.toString()));
        }
    }

    private static List<String> regexMatches(String value) {
        List<String> matches = new ArrayList<>();
        for (Matcher matcher = DOTTED_NAME.matcher(value); matcher.find(); ) {
            matches.add(matcher.group());
        }
        return matches;
    }
}
