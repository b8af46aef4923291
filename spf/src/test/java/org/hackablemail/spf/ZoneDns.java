package org.hackablemail.spf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An in-memory {@link SpfDns} serving a zone given as the RFC 7208 suite's {@code zonedata}: name to a list of
 * records, each a one-entry map (type to value) or the bare word {@code TIMEOUT}. It follows the suite's rules
 * (pyspf's {@code testspf.py}): names are case-insensitive; type SPF records are also served as TXT unless the
 * name has TXT entries; {@code NONE} is a placeholder that serves nothing; {@code TIMEOUT} makes a query time out
 * unless a record of the queried type came before it; CNAMEs are followed.
 */
final class ZoneDns implements SpfDns {
    private static final String TIMEOUT = "TIMEOUT";
    private static final String NONE = "NONE";
    private static final int MAX_CNAME_DEPTH = 8;

    private record Entry(String type, Object value) {
        boolean isTimeout() {
            return TIMEOUT.equals(value);
        }
    }

    private final Map<String, List<Entry>> zone;

    private ZoneDns(Map<String, List<Entry>> zone) {
        this.zone = zone;
    }

    static ZoneDns of(Map<String, List<Object>> zoneData) {
        Map<String, List<Entry>> zone = new HashMap<>();
        zoneData.forEach((name, records) -> zone.put(name.toLowerCase(Locale.ROOT), entries(records)));
        return new ZoneDns(zone);
    }

    private static List<Entry> entries(List<Object> records) {
        List<Entry> entries = new ArrayList<>();
        for (Object record : records) {
            if (record instanceof Map<?, ?> map) {
                map.forEach((type, value) -> entries.add(new Entry(type.toString(), value)));
            } else {
                entries.add(new Entry(TIMEOUT, TIMEOUT));
            }
        }
        boolean hasTxt = entries.stream().anyMatch(entry -> entry.type().equals("TXT"));
        if (!hasTxt) {
            entries.replaceAll(entry -> entry.type().equals("SPF") ? new Entry("TXT", entry.value()) : entry);
        }
        return entries;
    }

    @Override
    public List<String> txt(String name) throws DnsLookupException {
        return query(name, "TXT", ZoneDns::joinedStrings);
    }

    @Override
    public List<InetAddress> a(String name) throws DnsLookupException {
        return query(name, "A", ZoneDns::address);
    }

    @Override
    public List<InetAddress> aaaa(String name) throws DnsLookupException {
        return query(name, "AAAA", ZoneDns::address);
    }

    @Override
    public List<String> mx(String name) throws DnsLookupException {
        return query(name, "MX", value -> ((List<?>) value).get(1).toString());
    }

    @Override
    public List<String> ptr(String reverseName) throws DnsLookupException {
        return query(reverseName, "PTR", Object::toString);
    }

    private <T> List<T> query(String name, String type, Function<Object, T> decoder) throws DnsLookupException {
        List<Object> values = values(name, type, 0);
        return values.stream().map(decoder).collect(Collectors.toList());
    }

    private List<Object> values(String name, String type, int cnameDepth) throws DnsLookupException {
        if (cnameDepth > MAX_CNAME_DEPTH) {
            throw new DnsLookupException("CNAME chain too long at " + name);
        }
        List<Entry> entries = zone.getOrDefault(key(name), List.of());
        List<Object> values = new ArrayList<>();
        Optional<String> cname = Optional.empty();
        for (Entry entry : entries) {
            if (entry.type().equals(TIMEOUT) && values.isEmpty()) {
                throw new DnsLookupException("timeout querying " + type + " " + name);
            }
            if (entry.type().equals(type)) {
                if (entry.isTimeout()) {
                    throw new DnsLookupException("timeout querying " + type + " " + name);
                }
                if (!NONE.equals(entry.value())) {
                    values.add(entry.value());
                }
            }
            if (entry.type().equals("CNAME")) {
                cname = Optional.of(entry.value().toString());
            }
        }
        if (values.isEmpty() && cname.isPresent()) {
            return values(cname.get(), type, cnameDepth + 1);
        }
        return values;
    }

    private static String key(String name) {
        return DomainNames.withoutTrailingDot(name).toLowerCase(Locale.ROOT);
    }

    private static String joinedStrings(Object value) {
        if (value instanceof List<?> strings) {
            return strings.stream().map(Object::toString).collect(Collectors.joining());
        }
        return value.toString();
    }

    private static InetAddress address(Object value) {
        return IpAddresses.parse(value.toString())
            .orElseThrow(() -> new IllegalArgumentException("Not an IP address in the zone: " + value));
    }
}
