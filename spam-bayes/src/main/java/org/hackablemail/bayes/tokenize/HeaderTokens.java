package org.hackablemail.bayes.tokenize;

import java.util.Locale;
import java.util.Set;

import org.hackablemail.mime.HeaderField;

/**
 * Tokens of one header field, prefixed by the field name so that "free" in a subject and "free" in a body are told
 * apart. Only fields whose words say something are split; of {@code Received} only the hosts are kept, the rest being
 * dates and queue ids. Of {@code Message-ID} only the presence counts: a server that receives a message without one
 * writes one naming itself (James does), so the host mostly says "came without one", which much spam does and so does
 * this server's own new mail (feeds, notices): weighed, it taught the filter to call such mail spam (docs/bayes.md).
 * File name extensions come from the part's parsed file name ({@link SnapshotTokens}).
 */
final class HeaderTokens {
    private static final Set<String> WORD_FIELDS = Set.of(
        "subject", "from", "to", "cc", "reply-to", "sender", "return-path", "x-mailer", "user-agent");

    private final WordSplitter words;
    private final TokenCollector collector;

    HeaderTokens(WordSplitter words, TokenCollector collector) {
        this.words = words;
        this.collector = collector;
    }

    void add(HeaderField field) {
        String name = field.name().toLowerCase(Locale.ROOT);
        collector.add("header:" + name);
        if (WORD_FIELDS.contains(name)) {
            words.split(field.value(), name + ":");
        } else if (name.equals("received")) {
            DottedNames.in(field.raw()).forEach(host -> collector.add("received:" + host.toLowerCase(Locale.ROOT)));
        }
    }
}
