package org.hackablemail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The one HTML-to-text conversion: jsoup's HTML5 parser (James's own copy), then one walk over the tree. Script,
 * style and comments give no text. Comments and inline formatting elements join the text on either side, since spam
 * splits words with them ({@code V<!-- -->iagra}, {@code V<b>ia</b>gra}); other elements separate words, block
 * elements by a line break. Attribute values holding a URL are collected as links. The walk is iterative, so deep
 * nesting costs no stack.
 */
final class HtmlText {
    private static final Set<String> WORD_INTERNAL_ELEMENTS =
        Set.of("b", "i", "u", "em", "strong", "font", "span", "small", "big");
    private static final int MAX_LINK_CHARS = 2_048;

    /** The visible text and the link targets of an HTML document. */
    record Converted(String text, List<String> links) {
    }

    private HtmlText() {
    }

    static Converted convert(String html, int maxLinks) {
        Parser parser = Parser.htmlParser().setTrackErrors(0);
        Element document = parser.parseInput(html, "");
        TextCollector collector = new TextCollector(html.length(), maxLinks);
        NodeTraversor.traverse(collector, document);
        return new Converted(collector.text.toString().strip(), List.copyOf(collector.links));
    }

    private static final class TextCollector implements NodeVisitor {
        private final StringBuilder text;
        private final List<String> links = new ArrayList<>();
        private final int maxLinks;
        private int preformatted;

        TextCollector(int capacity, int maxLinks) {
            this.text = new StringBuilder(Math.min(capacity, 1 << 16));
            this.maxLinks = maxLinks;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                if (preformatted > 0) {
                    text.append(textNode.getWholeText());
                } else {
                    StringUtil.appendNormalisedWhitespace(text, textNode.getWholeText(), endsWithSpace());
                }
            } else if (node instanceof Element element) {
                collectLinks(element);
                if (element.normalName().equals("pre")) {
                    preformatted++;
                }
                separate(element);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                if (element.normalName().equals("pre")) {
                    preformatted--;
                }
                separate(element);
            }
        }

        private void separate(Element element) {
            String name = element.normalName();
            if (WORD_INTERNAL_ELEMENTS.contains(name)) {
                return;
            }
            if (element.isBlock() || name.equals("br")) {
                if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                    trimTrailingSpace();
                    text.append('\n');
                }
            } else if (!endsWithSpace()) {
                text.append(' ');
            }
        }

        private void collectLinks(Element element) {
            if (links.size() >= maxLinks || element.attributesSize() == 0) {
                return;
            }
            for (Attribute attribute : element.attributes()) {
                String value = attribute.getValue();
                if (value.contains("://") && links.size() < maxLinks) {
                    links.add(value.length() <= MAX_LINK_CHARS ? value : value.substring(0, MAX_LINK_CHARS));
                }
            }
        }

        private boolean endsWithSpace() {
            return text.length() == 0 || Character.isWhitespace(text.charAt(text.length() - 1));
        }

        private void trimTrailingSpace() {
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == ' ') {
                end--;
            }
            text.setLength(end);
        }
    }
}
