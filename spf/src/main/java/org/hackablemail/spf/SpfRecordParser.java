package org.hackablemail.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a whole SPF record before anything is evaluated: a syntax error anywhere is a permerror (RFC 7208 §4.6). */
final class SpfRecordParser {
    private static final String VERSION = "v=spf1";
    private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9\\-_.]*)=(.*)", Pattern.DOTALL);
    private static final Pattern MECHANISM = Pattern.compile("([+\\-~?]?)([A-Za-z][A-Za-z0-9\\-_.]*)(.*)", Pattern.DOTALL);
    private static final Pattern DOMAIN_AND_CIDR = Pattern.compile("(.*?)((?:/\\d+)?(?://\\d+)?)", Pattern.DOTALL);
    private static final Pattern DUAL_CIDR = Pattern.compile("(?:/(0|[1-9]\\d?))?(?://(0|[1-9]\\d{0,2}))?");
    private static final Pattern IP4_NETWORK = Pattern.compile(":([^/]*)(?:/(0|[1-9]\\d?))?", Pattern.DOTALL);
    private static final Pattern IP6_NETWORK = Pattern.compile(":([^/]*)(?:/(0|[1-9]\\d{0,2}))?", Pattern.DOTALL);

    private SpfRecordParser() {
    }

    /** Whether a TXT record is an SPF record: {@code v=spf1}, in any case, then a space or the end (§4.5). */
    static boolean isSpfRecord(String text) {
        return text.regionMatches(true, 0, VERSION, 0, VERSION.length())
            && (text.length() == VERSION.length() || text.charAt(VERSION.length()) == ' ');
    }

    static SpfRecord parse(String text) throws SpfErrorException {
        List<Directive> directives = new ArrayList<>();
        Optional<DomainSpec> redirect = Optional.empty();
        Optional<DomainSpec> explanation = Optional.empty();
        for (String term : text.substring(VERSION.length()).split(" ")) {
            if (term.isEmpty()) {
                continue;
            }
            Matcher modifier = MODIFIER.matcher(term);
            if (!modifier.matches()) {
                directives.add(directive(term));
                continue;
            }
            String name = modifier.group(1).toLowerCase(Locale.ROOT);
            String value = modifier.group(2);
            if (name.equals("redirect")) {
                redirect = onlyOnce(redirect, name, DomainSpec.parse(value));
            } else if (name.equals("exp")) {
                explanation = onlyOnce(explanation, name, DomainSpec.parse(value));
            } else {
                // Unknown modifiers are ignored (§6), but must still be well-formed.
                MacroString.parse(value, MacroString.Context.DOMAIN_SPEC);
            }
        }
        return new SpfRecord(directives, redirect, explanation);
    }

    private static Optional<DomainSpec> onlyOnce(Optional<DomainSpec> previous, String name, DomainSpec value) throws SpfErrorException {
        if (previous.isPresent()) {
            throw SpfErrorException.permError("modifier " + name + " given more than once");
        }
        return Optional.of(value);
    }

    private static Directive directive(String term) throws SpfErrorException {
        Matcher matcher = MECHANISM.matcher(term);
        if (!matcher.matches()) {
            throw SpfErrorException.permError("invalid term '" + term + "'");
        }
        Qualifier qualifier = matcher.group(1).isEmpty() ? Qualifier.PASS : Qualifier.of(matcher.group(1).charAt(0)).orElseThrow();
        return new Directive(qualifier, mechanism(matcher.group(2).toLowerCase(Locale.ROOT), matcher.group(3), term), term);
    }

    private static Mechanism mechanism(String name, String argument, String term) throws SpfErrorException {
        return switch (name) {
            case "all" -> {
                if (!argument.isEmpty()) {
                    throw invalid(term);
                }
                yield new AllMechanism();
            }
            case "include" -> new IncludeMechanism(requiredDomainSpec(argument, term));
            case "exists" -> new ExistsMechanism(requiredDomainSpec(argument, term));
            case "a" -> addressMechanism(argument, term, AMechanism::new);
            case "mx" -> addressMechanism(argument, term, MxMechanism::new);
            case "ptr" -> new PtrMechanism(argument.isEmpty() ? Optional.empty() : Optional.of(requiredDomainSpec(argument, term)));
            case "ip4" -> ipMechanism(IP4_NETWORK, argument, term, 32, IpAddresses::parseIp4);
            case "ip6" -> ipMechanism(IP6_NETWORK, argument, term, 128, IpAddresses::parseIp6);
            default -> throw SpfErrorException.permError("unknown mechanism '" + term + "'");
        };
    }

    private static DomainSpec requiredDomainSpec(String argument, String term) throws SpfErrorException {
        if (!argument.startsWith(":")) {
            throw invalid(term);
        }
        return DomainSpec.parse(argument.substring(1));
    }

    @FunctionalInterface
    private interface AddressMechanismFactory {
        Mechanism create(Optional<DomainSpec> target, DualCidr cidr);
    }

    /** {@code a} and {@code mx}: {@code [":" domain-spec] [dual-cidr-length]}. */
    private static Mechanism addressMechanism(String argument, String term, AddressMechanismFactory factory) throws SpfErrorException {
        Optional<DomainSpec> target = Optional.empty();
        String cidrText = argument;
        if (argument.startsWith(":")) {
            Matcher split = DOMAIN_AND_CIDR.matcher(argument.substring(1));
            split.matches();
            target = Optional.of(DomainSpec.parse(split.group(1)));
            cidrText = split.group(2);
        }
        Matcher cidr = DUAL_CIDR.matcher(cidrText);
        if (!cidr.matches()) {
            throw invalid(term);
        }
        int ip4PrefixLength = prefixLength(cidr.group(1), 32, term);
        int ip6PrefixLength = prefixLength(cidr.group(2), 128, term);
        return factory.create(target, new DualCidr(ip4PrefixLength, ip6PrefixLength));
    }

    @FunctionalInterface
    private interface AddressParser {
        Optional<byte[]> parse(String text);
    }

    private static Mechanism ipMechanism(Pattern syntax, String argument, String term, int maxPrefixLength, AddressParser parser)
        throws SpfErrorException {
        Matcher matcher = syntax.matcher(argument);
        if (!matcher.matches()) {
            throw invalid(term);
        }
        byte[] address = parser.parse(matcher.group(1)).orElseThrow(() -> invalid(term));
        return new IpMechanism(new Network(address, prefixLength(matcher.group(2), maxPrefixLength, term)));
    }

    private static int prefixLength(String digits, int max, String term) throws SpfErrorException {
        if (digits == null) {
            return max;
        }
        int prefixLength = Integer.parseInt(digits);
        if (prefixLength > max) {
            throw invalid(term);
        }
        return prefixLength;
    }

    private static SpfErrorException invalid(String term) {
        return SpfErrorException.permError("invalid mechanism '" + term + "'");
    }
}
