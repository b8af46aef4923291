package org.hackablemail.mailets;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hackablemail.spf.DnsLookupException;
import org.hackablemail.spf.IpAddresses;
import org.hackablemail.spf.SpfDns;

/** TXT and A records in memory, and names whose queries time out. */
final class SpfAnnotatorFakeDns implements SpfDns {
    private final Map<String, List<String>> txt = new HashMap<>();
    private final Map<String, List<InetAddress>> a = new HashMap<>();
    private final Set<String> timingOut = new HashSet<>();

    SpfAnnotatorFakeDns txt(String name, String record) {
        txt.put(name, List.of(record));
        return this;
    }

    SpfAnnotatorFakeDns a(String name, String address) {
        a.put(name, List.of(IpAddresses.parse(address).orElseThrow()));
        return this;
    }

    SpfAnnotatorFakeDns timingOut(String name) {
        timingOut.add(name);
        return this;
    }

    @Override
    public List<String> txt(String name) throws DnsLookupException {
        checkTimeout(name);
        return txt.getOrDefault(name, List.of());
    }

    @Override
    public List<InetAddress> a(String name) throws DnsLookupException {
        checkTimeout(name);
        return a.getOrDefault(name, List.of());
    }

    @Override
    public List<InetAddress> aaaa(String name) throws DnsLookupException {
        checkTimeout(name);
        return List.of();
    }

    @Override
    public List<String> mx(String name) throws DnsLookupException {
        checkTimeout(name);
        return List.of();
    }

    @Override
    public List<String> ptr(String reverseName) throws DnsLookupException {
        checkTimeout(reverseName);
        return List.of();
    }

    private void checkTimeout(String name) throws DnsLookupException {
        if (timingOut.contains(name)) {
            throw new DnsLookupException("timeout querying " + name);
        }
    }
}
