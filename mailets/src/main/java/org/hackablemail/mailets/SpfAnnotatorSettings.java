package org.hackablemail.mailets;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;
import org.hackablemail.spf.IpAddresses;
import org.hackablemail.spf.Network;

/** The parameters of {@link SpfAnnotator}, parsed and validated; every mistake is a {@link MessagingException} naming it. */
record SpfAnnotatorSettings(String receiver, boolean checkHelo, List<Network> trustedNetworks,
                            List<InetSocketAddress> dnsServers, Duration dnsTimeout, Duration budget) {
    static final String RECEIVER = "receiver";
    static final String CHECK_HELO = "checkHelo";
    static final String TRUSTED_NETWORKS = "trustedNetworks";
    static final String DNS_SERVERS = "dnsServers";
    static final String DNS_TIMEOUT_MILLIS = "dnsTimeoutMillis";
    static final String BUDGET_MILLIS = "budgetMillis";
    static final Set<String> PARAMETERS = Set.of(RECEIVER, CHECK_HELO, TRUSTED_NETWORKS, DNS_SERVERS, DNS_TIMEOUT_MILLIS, BUDGET_MILLIS);

    /** Loopback, RFC 1918, IPv6 loopback and unique local addresses: mail from there never crossed the Internet. */
    static final String DEFAULT_TRUSTED_NETWORKS = "127.0.0.0/8, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, ::1, fc00::/7";
    private static final Duration DEFAULT_DNS_TIMEOUT = Duration.ofSeconds(3);
    /** RFC 7208 §4.6.4 asks for at least 20 seconds for a whole check. */
    private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(20);
    private static final int DNS_PORT = 53;
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern SERVER_WITH_PORT = Pattern.compile("\\[(.+)]:(\\d{1,5})|([^:]+):(\\d{1,5})");

    static SpfAnnotatorSettings parse(MailetConfig config) throws MessagingException {
        MailetParameters parameters = new MailetParameters(config, "SpfAnnotator");
        return new SpfAnnotatorSettings(
            receiver(parameters),
            parameters.bool(CHECK_HELO, false),
            trustedNetworks(parameters),
            dnsServers(parameters),
            parameters.millis(DNS_TIMEOUT_MILLIS, DEFAULT_DNS_TIMEOUT),
            parameters.millis(BUDGET_MILLIS, DEFAULT_BUDGET));
    }

    boolean isTrusted(InetAddress client) {
        return trustedNetworks.stream().anyMatch(network -> network.contains(client));
    }

    private static String receiver(MailetParameters parameters) throws MessagingException {
        String receiver = parameters.required(RECEIVER,
            "the host name of this receiver, used as the authserv-id of Authentication-Results");
        if (!HOST_NAME.matcher(receiver).matches()) {
            throw parameters.invalid(RECEIVER, "a host name", receiver);
        }
        return receiver;
    }

    private static List<Network> trustedNetworks(MailetParameters parameters) throws MessagingException {
        List<Network> networks = new ArrayList<>();
        for (String item : parameters.list(TRUSTED_NETWORKS, DEFAULT_TRUSTED_NETWORKS)) {
            networks.add(Network.parse(item).orElseThrow(() -> parameters.invalid(TRUSTED_NETWORKS,
                "IP addresses and CIDR blocks such as 192.0.2.0/24", item)));
        }
        return networks;
    }

    private static List<InetSocketAddress> dnsServers(MailetParameters parameters) throws MessagingException {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String item : parameters.list(DNS_SERVERS, "")) {
            servers.add(dnsServer(item).orElseThrow(() -> parameters.invalid(DNS_SERVERS,
                "IP addresses with an optional port, such as 192.0.2.53 or [2001:db8::53]:5353", item)));
        }
        return servers;
    }

    /** {@code 192.0.2.53}, {@code 192.0.2.53:5353}, {@code 2001:db8::53} or {@code [2001:db8::53]:5353}; never a name to resolve. */
    private static Optional<InetSocketAddress> dnsServer(String item) {
        Matcher withPort = SERVER_WITH_PORT.matcher(item);
        String host = item;
        int port = DNS_PORT;
        if (withPort.matches()) {
            host = withPort.group(1) != null ? withPort.group(1) : withPort.group(3);
            port = Integer.parseInt(withPort.group(2) != null ? withPort.group(2) : withPort.group(4));
        }
        Optional<InetAddress> address = IpAddresses.parse(host);
        if (address.isEmpty() || port < 1 || port > 65_535) {
            return Optional.empty();
        }
        return Optional.of(new InetSocketAddress(address.get(), port));
    }
}
