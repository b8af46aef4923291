package org.hackablemail.mime;

import java.util.List;
import java.util.Objects;

/**
 * The text of a text part.
 *
 * @param text  the decoded text; for HTML, its visible text
 * @param html  whether the part is HTML
 * @param links for HTML, the attribute values that hold a URL ({@code href}, {@code src}, ...), in document order
 * @param cut   whether the part held more than the snapshot kept
 */
public record PartText(String text, boolean html, List<String> links, boolean cut) {

    public PartText {
        Objects.requireNonNull(text, "text");
        links = List.copyOf(links);
    }
}
