package org.hackablemail.it;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hackablemail.spf.dnsjava.LoopbackDnsServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xbill.DNS.Type;

/**
 * The Internet as the SPF end-to-end tests see it: a real DNS server serving the sender domains' records, running
 * while the test class does (register it as an extension), and a James configuration that resolves through it alone
 * and trusts no network, so that mail from any loopback address is checked.
 *
 * <p>James's {@code dnsservice.xml} takes server addresses without a port (dnsjava then uses port 53), so the server
 * listens on 127.0.0.153 port 53: the tests must run as root, as CI does.</p>
 */
final class SpfTestInternet implements BeforeAllCallback, AfterAllCallback {
    static final InetSocketAddress DNS_SERVER = new InetSocketAddress("127.0.0.153", 53);

    /** shop.test's policy: its MX host 127.0.0.2 passes, 127.0.0.3 softfails, 127.0.0.4 is neutral, the rest fails. */
    static final String SHOP_SENDER = "news@shop.test";
    static final String MX_HOST_OF_SHOP = "127.0.0.2";
    static final String SOFTFAILED_BY_SHOP = "127.0.0.3";
    static final String NEUTRAL_FOR_SHOP = "127.0.0.4";
    static final String DENIED_BY_SHOP = "127.0.0.5";
    /** A domain with an address but no SPF record. */
    static final String SENDER_WITHOUT_POLICY = "info@no-policy.test";
    /** A domain whose DNS server never answers. */
    static final String SENDER_WITH_UNREACHABLE_DNS = "info@unreachable.test";

    static final String HELO = "client.outside.test";

    private static final String DNSSERVICE_XML = """
        <?xml version="1.0"?>
        <dnsservice>
          <servers>
            <server>%s</server>
          </servers>
          <autodiscover>false</autodiscover>
          <authoritative>false</authoritative>
          <maxcachesize>50000</maxcachesize>
        </dnsservice>
        """.formatted(DNS_SERVER.getAddress().getHostAddress());

    private LoopbackDnsServer dns;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        LoopbackDnsServer.Builder zone = LoopbackDnsServer.builder()
            .txt("shop.test", "v=spf1 mx ~ip4:" + SOFTFAILED_BY_SHOP + " ?ip4:" + NEUTRAL_FOR_SHOP + " -all")
            .record("shop.test", Type.MX, "10 mail.shop.test.")
            .record("mail.shop.test", Type.A, MX_HOST_OF_SHOP)
            .record("no-policy.test", Type.A, "127.0.0.6")
            .silent("unreachable.test");
        try {
            dns = zone.start(DNS_SERVER);
        } catch (BindException e) {
            throw new IOException("Cannot listen on " + DNS_SERVER + " for the SPF end-to-end tests: it must be free,"
                + " and port 53 needs root; James's dnsservice.xml cannot name another port", e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (dns != null) {
            dns.close();
        }
    }

    /** James resolves through {@link #DNS_SERVER} alone; the annotator trusts no network. */
    static SpfAnnotatorConf configure(Path conf) throws IOException {
        Files.writeString(conf.resolve("dnsservice.xml"), DNSSERVICE_XML);
        return SpfAnnotatorConf.in(conf).parameter("trustedNetworks", "");
    }
}
