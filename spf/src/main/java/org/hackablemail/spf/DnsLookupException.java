package org.hackablemail.spf;

/** A DNS query that got no usable answer (timeout, SERVFAIL, ...): SPF turns it into temperror. */
public class DnsLookupException extends Exception {
    public DnsLookupException(String message) {
        super(message);
    }

    public DnsLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}
