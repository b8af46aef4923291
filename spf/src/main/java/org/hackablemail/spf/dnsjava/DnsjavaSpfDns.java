package org.hackablemail.spf.dnsjava;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.hackablemail.spf.DnsLookupException;
import org.hackablemail.spf.SpfDns;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;

/**
 * {@link SpfDns} on dnsjava (James ships 3.5.2). Each query waits at most the timeout; a timeout, SERVFAIL or any
 * other failure becomes a {@link DnsLookupException}, never an unchecked exception. CNAMEs are followed by
 * dnsjava's {@link LookupSession}. Nothing is cached here: the recursive resolver queried does that.
 */
public final class DnsjavaSpfDns implements SpfDns {
    private final Supplier<Resolver> resolver;
    private final Duration timeout;

    /**
     * @param resolver gives the resolver for each query; it is used as it is, its settings untouched
     * @param timeout  the longest wait for one answer
     */
    public DnsjavaSpfDns(Supplier<Resolver> resolver, Duration timeout) {
        this.resolver = resolver;
        this.timeout = timeout;
    }

    /**
     * Queries dnsjava's default resolver. Inside James that is the resolver of {@code dnsservice.xml} (James
     * registers it unless {@code setAsDNSJavaDefault} is false), else the system's. It is looked up at each query,
     * as James may register it after this object is made.
     */
    public static DnsjavaSpfDns usingDefaultResolver(Duration timeout) {
        return new DnsjavaSpfDns(Lookup::getDefaultResolver, timeout);
    }

    /** Queries the given recursive resolvers, in turn when one fails. */
    public static DnsjavaSpfDns usingServers(List<InetSocketAddress> servers, Duration timeout) {
        ExtendedResolver resolver = new ExtendedResolver(servers.stream().map(SimpleResolver::new).collect(Collectors.toList()));
        resolver.setTimeout(timeout);
        return new DnsjavaSpfDns(() -> resolver, timeout);
    }

    @Override
    public List<String> txt(String name) throws DnsLookupException {
        return query(name, Type.TXT, TXTRecord.class, DnsjavaSpfDns::joinedStrings);
    }

    @Override
    public List<InetAddress> a(String name) throws DnsLookupException {
        return query(name, Type.A, ARecord.class, ARecord::getAddress);
    }

    @Override
    public List<InetAddress> aaaa(String name) throws DnsLookupException {
        return query(name, Type.AAAA, AAAARecord.class, AAAARecord::getAddress);
    }

    @Override
    public List<String> mx(String name) throws DnsLookupException {
        return query(name, Type.MX, MXRecord.class, mx -> mx.getTarget().toString(true));
    }

    @Override
    public List<String> ptr(String reverseName) throws DnsLookupException {
        return query(reverseName, Type.PTR, PTRRecord.class, ptr -> ptr.getTarget().toString(true));
    }

    /**
     * The bytes of the strings as ISO-8859-1, one character per byte: dnsjava's {@code getStrings()} would turn
     * non-ASCII bytes into {@code \DDD} escapes, which an SPF parser would take for plain ASCII.
     */
    private static String joinedStrings(TXTRecord txt) {
        return txt.getStringsAsByteArrays().stream()
            .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1))
            .collect(Collectors.joining());
    }

    private <R extends Record, T> List<T> query(String name, int type, Class<R> recordClass, Function<R, T> value)
        throws DnsLookupException {
        Name absoluteName;
        try {
            absoluteName = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            // Not a name DNS can carry (e.g. a label over 63 octets): it cannot exist.
            return List.of();
        }
        String description = Type.string(type) + " " + name;
        try {
            LookupSession session = LookupSession.builder().resolver(resolver.get()).build();
            return session.lookupAsync(absoluteName, type).toCompletableFuture()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .getRecords().stream()
                .filter(recordClass::isInstance)
                .map(recordClass::cast)
                .map(value)
                .collect(Collectors.toList());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NoSuchDomainException || e.getCause() instanceof NoSuchRRSetException) {
                return List.of();
            }
            throw new DnsLookupException(description + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new DnsLookupException(description + ": no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsLookupException(description + ": interrupted", e);
        } catch (RuntimeException e) {
            throw new DnsLookupException(description + ": " + e, e);
        }
    }
}
