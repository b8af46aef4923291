package org.hackablemail.spf;

import java.net.InetAddress;
import java.util.List;

/**
 * The DNS queries SPF needs. Names are given without a trailing dot.
 * A name that does not exist (NXDOMAIN) and a name without records of the type (NODATA) both answer
 * an empty list: RFC 7208 treats them alike. Anything else that prevents an answer is a {@link DnsLookupException}.
 * CNAME chains are followed by the implementation.
 */
public interface SpfDns {
    /** TXT records, each one's character-strings joined with no separator (RFC 7208 §3.3). */
    List<String> txt(String name) throws DnsLookupException;

    List<InetAddress> a(String name) throws DnsLookupException;

    List<InetAddress> aaaa(String name) throws DnsLookupException;

    /** The exchange host names of the MX records. */
    List<String> mx(String name) throws DnsLookupException;

    /** The host names of the PTR records at a reverse name such as {@code 4.3.2.1.in-addr.arpa}. */
    List<String> ptr(String reverseName) throws DnsLookupException;
}
