package org.hackablemail.spf;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One run of check_host() (RFC 7208 §4) with everything the recursion through include and redirect shares:
 * the client, the sender and HELO for macros, and the §4.6.4 counters.
 */
final class Evaluation {
    private static final int MAX_DNS_MECHANISMS = 10;
    private static final int MAX_VOID_LOOKUPS = 2;
    private static final int MAX_PTR_NAMES = 10;

    /** What one record evaluation concluded, with what a later explanation lookup needs. */
    record Outcome(SpfResult result, String mechanism, String domain, Optional<DomainSpec> explanation) {
    }

    @FunctionalInterface
    interface Query<T> {
        List<T> ask(SpfDns dns) throws DnsLookupException;
    }

    private final SpfDns dns;
    private final Clock clock;
    private final InetAddress clientIp;
    private final String sender;
    private final String helo;
    private final String receiver;
    private int dnsMechanisms;
    private int voidLookups;

    Evaluation(SpfDns dns, Clock clock, InetAddress clientIp, String sender, String helo, String receiver) {
        this.dns = dns;
        this.clock = clock;
        this.clientIp = clientIp;
        this.sender = sender;
        this.helo = helo;
        this.receiver = receiver;
    }

    InetAddress clientIp() {
        return clientIp;
    }

    Outcome checkHost(String domain) throws SpfErrorException {
        Optional<String> text = selectRecord(domain);
        if (text.isEmpty()) {
            return new Outcome(SpfResult.NONE, "default", domain, Optional.empty());
        }
        SpfRecord record = SpfRecordParser.parse(text.get());
        for (Directive directive : record.directives()) {
            if (directive.mechanism().matches(this, domain)) {
                return new Outcome(directive.qualifier().result(), directive.text(), domain, record.explanation());
            }
        }
        if (record.redirect().isPresent()) {
            return redirect(record.redirect().get(), domain);
        }
        return new Outcome(SpfResult.NEUTRAL, "default", domain, record.explanation());
    }

    private Optional<String> selectRecord(String domain) throws SpfErrorException {
        List<String> records = lookup(dns -> dns.txt(domain), "TXT " + domain).stream()
            .filter(SpfRecordParser::isSpfRecord)
            .collect(Collectors.toList());
        if (records.size() > 1) {
            throw SpfErrorException.permError(domain + " has more than one SPF record");
        }
        return records.stream().findFirst();
    }

    private Outcome redirect(DomainSpec target, String domain) throws SpfErrorException {
        countDnsMechanism();
        String redirected = target.expand(macroValues(domain))
            .orElseThrow(() -> SpfErrorException.permError("redirect to an invalid domain '" + target + "'"));
        Outcome outcome = checkHost(redirected);
        if (outcome.result() == SpfResult.NONE) {
            throw SpfErrorException.permError("redirect domain " + redirected + " has no SPF record");
        }
        return outcome;
    }

    /** The explanation of a fail (RFC 7208 §6.2); any problem finding it means the receiver's default. */
    Optional<String> explanation(Outcome outcome) {
        Optional<String> name = outcome.explanation().flatMap(spec -> spec.expand(macroValues(outcome.domain())));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<String> texts = dns.txt(name.get());
            if (texts.size() != 1) {
                return Optional.empty();
            }
            return Optional.of(MacroString.parse(texts.get(0), MacroString.Context.EXPLANATION).expand(macroValues(outcome.domain())));
        } catch (DnsLookupException | SpfErrorException e) {
            return Optional.empty();
        }
    }

    void countDnsMechanism() throws SpfErrorException {
        dnsMechanisms++;
        if (dnsMechanisms > MAX_DNS_MECHANISMS) {
            throw SpfErrorException.permError("more than " + MAX_DNS_MECHANISMS + " DNS lookups");
        }
    }

    /** Counts an empty answer as a void lookup; more than two of them is a permerror (§4.6.4). */
    <T> List<T> countVoid(List<T> answer) throws SpfErrorException {
        if (answer.isEmpty()) {
            voidLookups++;
            if (voidLookups > MAX_VOID_LOOKUPS) {
                throw SpfErrorException.permError("more than " + MAX_VOID_LOOKUPS + " void DNS lookups");
            }
        }
        return answer;
    }

    <T> List<T> lookup(Query<T> query, String description) throws SpfErrorException {
        try {
            return query.ask(dns);
        } catch (DnsLookupException e) {
            throw SpfErrorException.tempError("DNS lookup of " + description + " failed: " + e.getMessage());
        }
    }

    /** The name a mechanism queries: its expanded domain-spec, else the current domain; empty if not a valid name. */
    Optional<String> target(Optional<DomainSpec> spec, String domain) {
        return spec.isPresent() ? spec.get().expand(macroValues(domain)) : Optional.of(domain);
    }

    List<InetAddress> clientFamilyAddresses(String name) throws SpfErrorException {
        if (IpAddresses.isIp4(clientIp)) {
            return lookup(dns -> dns.a(name), "A " + name);
        }
        return lookup(dns -> dns.aaaa(name), "AAAA " + name);
    }

    /** The client's PTR names; a failed lookup counts as none (§5.5). */
    List<String> clientPtrNames() {
        try {
            return dns.ptr(IpAddresses.reverseName(clientIp));
        } catch (DnsLookupException e) {
            return List.of();
        }
    }

    /** The PTR names whose addresses include the client, looking at the first ten only (§4.6.4). */
    List<String> validatedNames(List<String> ptrNames) {
        return ptrNames.stream()
            .limit(MAX_PTR_NAMES)
            .map(DomainNames::withoutTrailingDot)
            .filter(this::resolvesToClient)
            .collect(Collectors.toList());
    }

    private boolean resolvesToClient(String name) {
        try {
            return clientFamilyAddresses(name).contains(clientIp);
        } catch (SpfErrorException e) {
            return false;
        }
    }

    MacroString.Values macroValues(String domain) {
        return letter -> switch (letter) {
            case 's' -> sender;
            case 'l' -> sender.substring(0, sender.lastIndexOf('@'));
            case 'o' -> sender.substring(sender.lastIndexOf('@') + 1);
            case 'd' -> domain;
            case 'i' -> IpAddresses.dotted(clientIp);
            case 'p' -> validatedName(domain);
            case 'h' -> helo;
            case 'v' -> IpAddresses.isIp4(clientIp) ? "in-addr" : "ip6";
            case 'c' -> IpAddresses.readable(clientIp);
            case 'r' -> receiver;
            case 't' -> Long.toString(clock.instant().getEpochSecond());
            default -> throw new IllegalArgumentException("Macro letter '" + letter + "' passed parsing");
        };
    }

    /** {@code %{p}} (§7.3): a validated name, preferring the domain itself, then its subdomains, else "unknown". */
    private String validatedName(String domain) {
        List<String> names = validatedNames(clientPtrNames());
        return names.stream().filter(name -> name.equalsIgnoreCase(domain)).findFirst()
            .or(() -> names.stream().filter(name -> DomainNames.isWithin(name, domain)).findFirst())
            .or(() -> names.stream().findFirst())
            .orElse("unknown");
    }
}
