package org.hackablemail.bayes.tokenize;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The visible text of an HTML part, with link targets handed to {@link UrlTokens}.
 * A forgiving scanner rather than a parser: spam HTML is rarely well formed, and comments are removed without a space
 * because spammers use them to split words ({@code V<!-- -->iagra}).
 */
final class HtmlText {
    private static final Map<String, Pattern> END_OF_HIDDEN_ELEMENT = Map.of(
        "style", Pattern.compile("(?i)</style"), "script", Pattern.compile("(?i)</script"));
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?");
    private static final Set<String> INLINE_TAGS = Set.of("b", "i", "u", "em", "strong", "font", "span", "small", "big");
    private static final Map<String, String> NAMED_ENTITIES = Map.of(
        "nbsp", " ", "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "copy", "\u00a9", "reg", "\u00ae");

    private final UrlTokens urls;

    HtmlText(UrlTokens urls) {
        this.urls = urls;
    }

    String toText(String html) {
        StringBuilder text = new StringBuilder(html.length());
        int position = 0;
        while (position < html.length()) {
            int open = html.indexOf('<', position);
            if (open < 0) {
                text.append(html, position, html.length());
                break;
            }
            text.append(html, position, open);
            if (html.startsWith("<!--", open)) {
                position = endOf(html, "-->", open + 4);
            } else {
                boolean closing = html.startsWith("</", open);
                String name = tagName(html, closing ? open + 2 : open + 1);
                position = skipTag(html, open, closing ? "" : name);
                // Comments (above) and inline formatting tags sit inside words (V<b>ia</b>gra); other tags end them.
                if (!INLINE_TAGS.contains(name)) {
                    text.append(' ');
                }
            }
        }
        return decodeEntities(text);
    }

    /**
     * Returns the index just after the tag starting at {@code open} (and after the whole element when it is a style or
     * script), handing its attributes to the URL scanner.
     */
    private int skipTag(String html, int open, String openingName) {
        int close = html.indexOf('>', open);
        if (close < 0) {
            return open + 1;
        }
        urls.scan(html, open + 1, close);
        Pattern hiddenElementEnd = END_OF_HIDDEN_ELEMENT.get(openingName);
        if (hiddenElementEnd != null) {
            Matcher end = hiddenElementEnd.matcher(html);
            return end.find(close + 1) ? end.end() : html.length();
        }
        return close + 1;
    }

    private static int endOf(String html, String terminator, int from) {
        int end = html.indexOf(terminator, from);
        return end < 0 ? html.length() : end + terminator.length();
    }

    /** The letters and digits from {@code start}, lower-cased: the element name of a tag, or "" for {@code <!DOCTYPE}. */
    private static String tagName(String html, int start) {
        int end = start;
        while (end < html.length() && Character.isLetterOrDigit(html.charAt(end))) {
            end++;
        }
        return html.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static String decodeEntities(CharSequence text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(decode(matcher.group(1))));
        }
        matcher.appendTail(decoded);
        return decoded.toString();
    }

    private static String decode(String entity) {
        if (entity.charAt(0) != '#') {
            return NAMED_ENTITIES.getOrDefault(entity.toLowerCase(Locale.ROOT), " ");
        }
        boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
        int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
        return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : " ";
    }
}
