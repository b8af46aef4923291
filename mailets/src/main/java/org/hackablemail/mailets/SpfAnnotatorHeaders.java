package org.hackablemail.mailets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.hackablemail.spf.AuthenticationResultsHeader;

/**
 * Puts header fields at the very top of a message and drops the {@code Authentication-Results} fields that claim
 * our authserv-id. javax.mail only appends fields (or moves {@code Received} to the top), so the header block is
 * rebuilt line by line: the other fields keep their order and their exact original text.
 */
final class SpfAnnotatorHeaders {
    private SpfAnnotatorHeaders() {
    }

    /** @param topLines complete header lines ({@code Name: value}) to put first, in this order */
    static void prependAndDropForged(MimeMessage message, List<String> topLines, String authservId) throws MessagingException {
        List<String> kept = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            names.add(header.getName());
        }
        for (String line : Collections.list(message.getAllHeaderLines())) {
            if (!isForged(line, authservId)) {
                kept.add(line);
            }
        }
        for (String name : names) {
            message.removeHeader(name);
        }
        for (String line : topLines) {
            message.addHeaderLine(line);
        }
        for (String line : kept) {
            message.addHeaderLine(line);
        }
    }

    private static boolean isForged(String line, String authservId) {
        int colon = line.indexOf(':');
        return colon > 0
            && line.substring(0, colon).trim().equalsIgnoreCase(AuthenticationResultsHeader.NAME)
            && AuthenticationResultsHeader.claims(line.substring(colon + 1), authservId);
    }
}
