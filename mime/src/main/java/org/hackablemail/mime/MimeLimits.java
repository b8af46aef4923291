package org.hackablemail.mime;

/**
 * What a {@link MessageSnapshot} keeps of a message, whatever its size or shape. The whole message is always read
 * (in time linear in its size); these caps bound what is kept in memory and what later readers work on.
 *
 * @param maxDepth        parts nested deeper than this are listed as opaque, their content not parsed
 * @param maxParts        parts after this many are not listed
 * @param maxTextChars    the text kept of one text part: its decoded bytes are cut at this count <em>before</em>
 *                        charset and HTML conversion
 * @param maxKeptChars    the text and header values kept of the whole message
 * @param maxHeaderFields header fields kept per part
 * @param maxFieldChars   characters kept of one header field's value, before it is decoded
 * @param maxLinks        link targets (HTML attributes holding a URL) kept per HTML part
 */
public record MimeLimits(int maxDepth, int maxParts, int maxTextChars, long maxKeptChars, int maxHeaderFields,
                         int maxFieldChars, int maxLinks) {

    public static final MimeLimits DEFAULT = new MimeLimits(16, 1_000, 1_000_000, 4_000_000, 1_000, 16_384, 1_000);

    public MimeLimits {
        if (maxDepth < 1 || maxParts < 1 || maxTextChars < 0 || maxKeptChars < 0 || maxHeaderFields < 0
            || maxFieldChars < 0 || maxLinks < 0) {
            throw new IllegalArgumentException("MIME limits must be positive (depth and parts at least 1): " + this);
        }
    }
}
