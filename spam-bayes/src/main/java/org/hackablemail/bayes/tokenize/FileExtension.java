package org.hackablemail.bayes.tokenize;

import java.util.Locale;
import java.util.Optional;

/** The extension of a file name: up to five letters or digits after its last dot that has any. */
final class FileExtension {
    private static final int MAX_LENGTH = 5;

    private FileExtension() {
    }

    static Optional<String> of(String filename) {
        for (int dot = filename.lastIndexOf('.'); dot >= 0; dot = filename.lastIndexOf('.', dot - 1)) {
            int end = dot + 1;
            while (end < filename.length() && end - dot <= MAX_LENGTH && isAsciiLetterOrDigit(filename.charAt(end))) {
                end++;
            }
            if (end > dot + 1) {
                return Optional.of(filename.substring(dot + 1, end).toLowerCase(Locale.ROOT));
            }
            if (dot == 0) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
