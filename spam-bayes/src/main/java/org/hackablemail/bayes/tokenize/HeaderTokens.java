package org.hackablemail.bayes.tokenize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.Field;

/**
 * Tokens of one header field, prefixed by the field name so that "free" in a subject and "free" in a body are told
 * apart. Only fields whose words say something are split; of {@code Received} only the hosts are kept, the rest being
 * dates and queue ids.
 */
final class HeaderTokens {
    private static final Set<String> WORD_FIELDS = Set.of(
        "subject", "from", "to", "cc", "reply-to", "sender", "return-path", "x-mailer", "user-agent");
    private static final Pattern FILE_EXTENSION = Pattern.compile("(?i)\\bname\\*?=\"?[^\";]*\\.([a-z0-9]{1,5})\"?");
    private static final Pattern MESSAGE_ID_HOST = Pattern.compile("@([^>\\s]+)");

    private final WordSplitter words;
    private final TokenCollector collector;

    HeaderTokens(WordSplitter words, TokenCollector collector) {
        this.words = words;
        this.collector = collector;
    }

    /**
     * The value is only asked of the fields we split: mime4j unfolds and decodes it on every call, and most fields of a
     * message ({@code Date}, {@code X-*}, list headers) only contribute their name.
     */
    void add(Field field) {
        String name = field.getName().toLowerCase(Locale.ROOT);
        collector.add("header:" + name);
        if (WORD_FIELDS.contains(name)) {
            words.split(DecoderUtil.decodeEncodedWords(field.getBody(), DecodeMonitor.SILENT), name + ":");
        } else if (name.equals("received")) {
            DottedNames.in(field.getBody()).forEach(host -> collector.add("received:" + host.toLowerCase(Locale.ROOT)));
        } else if (name.equals("message-id")) {
            addAll(MESSAGE_ID_HOST.matcher(field.getBody()), "message-id:");
        } else if (name.equals("content-type") || name.equals("content-disposition")) {
            addAll(FILE_EXTENSION.matcher(field.getBody()), "filename:");
        }
    }

    private void addAll(Matcher matcher, String prefix) {
        while (matcher.find()) {
            String match = matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
            collector.add(prefix + match.toLowerCase(Locale.ROOT));
        }
    }
}
