package org.hackablemail.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A parsed RFC 7208 §7 macro-string: literals and {@code %{...}} expressions, expanded against one evaluation. */
final class MacroString {

    /** Where the string appears: explanation text also allows spaces and the c, r and t macros (§7.2). */
    enum Context {
        DOMAIN_SPEC("slodiphv", '!'),
        EXPLANATION("slodiphvcrt", ' ');

        private final String letters;
        private final char lowestLiteral;

        Context(String letters, char lowestLiteral) {
            this.letters = letters;
            this.lowestLiteral = lowestLiteral;
        }

        private boolean allowsLiteral(char c) {
            return c >= lowestLiteral && c <= '~' && c != '%';
        }
    }

    /** Supplies the value of a lower-case macro letter. */
    interface Values {
        String value(char letter);
    }

    private interface Part {
        String expand(Values values);
    }

    private record Literal(String text) implements Part {
        @Override
        public String expand(Values values) {
            return text;
        }
    }

    private record Macro(char letter, boolean urlEscaped, int keptParts, boolean reversed, String delimiters) implements Part {
        @Override
        public String expand(Values values) {
            List<String> parts = new ArrayList<>(Arrays.asList(values.value(letter).split(delimiterPattern(), -1)));
            if (reversed) {
                Collections.reverse(parts);
            }
            if (keptParts > 0 && keptParts < parts.size()) {
                parts = parts.subList(parts.size() - keptParts, parts.size());
            }
            String joined = String.join(".", parts);
            return urlEscaped ? urlEscape(joined) : joined;
        }

        private String delimiterPattern() {
            return delimiters.isEmpty() ? "\\." : "[" + Pattern.quote(delimiters) + "]";
        }
    }

    private static final Pattern MACRO = Pattern.compile("\\{([A-Za-z])(\\d*)([rR]?)([.\\-+,/_=]*)}");

    private final List<Part> parts;
    private final boolean endsWithMacro;

    private MacroString(List<Part> parts, boolean endsWithMacro) {
        this.parts = List.copyOf(parts);
        this.endsWithMacro = endsWithMacro;
    }

    static MacroString parse(String text, Context context) throws SpfErrorException {
        List<Part> parts = new ArrayList<>();
        boolean lastWasMacro = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                if (!context.allowsLiteral(c)) {
                    throw SpfErrorException.permError("invalid character in '" + text + "'");
                }
                parts.add(new Literal(String.valueOf(c)));
                lastWasMacro = false;
                i++;
                continue;
            }
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            int end = i + 2;
            switch (next) {
                case '%' -> parts.add(new Literal("%"));
                case '_' -> parts.add(new Literal(" "));
                case '-' -> parts.add(new Literal("%20"));
                case '{' -> {
                    Matcher matcher = MACRO.matcher(text).region(i + 1, text.length());
                    if (!matcher.lookingAt()) {
                        throw SpfErrorException.permError("invalid macro in '" + text + "'");
                    }
                    parts.add(macro(matcher, context, text));
                    end = matcher.end();
                }
                default -> throw SpfErrorException.permError("invalid macro in '" + text + "'");
            }
            lastWasMacro = true;
            i = end;
        }
        return new MacroString(parts, lastWasMacro);
    }

    private static Macro macro(Matcher matcher, Context context, String text) throws SpfErrorException {
        char letter = matcher.group(1).charAt(0);
        char lowerLetter = Character.toLowerCase(letter);
        if (context.letters.indexOf(lowerLetter) < 0) {
            throw SpfErrorException.permError("macro letter '" + letter + "' not allowed in '" + text + "'");
        }
        String digits = matcher.group(2);
        if (digits.length() > 3 || (!digits.isEmpty() && Integer.parseInt(digits) == 0)) {
            throw SpfErrorException.permError("invalid macro transformer in '" + text + "'");
        }
        int keptParts = digits.isEmpty() ? 0 : Integer.parseInt(digits);
        return new Macro(lowerLetter, Character.isUpperCase(letter), keptParts, !matcher.group(3).isEmpty(), matcher.group(4));
    }

    boolean endsWithMacro() {
        return endsWithMacro;
    }

    String expand(Values values) {
        return parts.stream().map(part -> part.expand(values)).collect(Collectors.joining());
    }

    /** Percent-encodes all but RFC 3986 unreserved characters, as §7.3 asks for upper-case macro letters. */
    private static String urlEscape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                escaped.append(c);
            } else {
                escaped.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return escaped.toString();
    }
}
