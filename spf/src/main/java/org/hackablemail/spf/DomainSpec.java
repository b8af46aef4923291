package org.hackablemail.spf;

import java.util.Optional;
import java.util.regex.Pattern;

/** A {@code domain-spec} (RFC 7208 §7.1): a macro-string that must end like a domain name or with a macro. */
final class DomainSpec {
    private static final Pattern DOMAIN_END = Pattern.compile(
        ".*\\.([A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])\\.?", Pattern.DOTALL);

    private final String text;
    private final MacroString macroString;

    private DomainSpec(String text, MacroString macroString) {
        this.text = text;
        this.macroString = macroString;
    }

    static DomainSpec parse(String text) throws SpfErrorException {
        if (text.isEmpty()) {
            throw SpfErrorException.permError("empty domain-spec");
        }
        MacroString macroString = MacroString.parse(text, MacroString.Context.DOMAIN_SPEC);
        if (!macroString.endsWithMacro() && !DOMAIN_END.matcher(text).matches()) {
            throw SpfErrorException.permError("invalid domain-spec '" + text + "'");
        }
        return new DomainSpec(text, macroString);
    }

    /** The name to query, or empty when the expansion is not a valid domain name (then nothing can match it). */
    Optional<String> expand(MacroString.Values values) {
        String name = DomainNames.truncate(DomainNames.withoutTrailingDot(macroString.expand(values)));
        return DomainNames.isValid(name) ? Optional.of(name) : Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
