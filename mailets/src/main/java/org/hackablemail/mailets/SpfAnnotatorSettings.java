package org.hackablemail.mailets;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    private static final Set<String> PARAMETERS = Set.of(RECEIVER, CHECK_HELO, TRUSTED_NETWORKS, DNS_SERVERS, DNS_TIMEOUT_MILLIS, BUDGET_MILLIS);

    /** Loopback, RFC 1918, IPv6 loopback and unique local addresses: mail from there never crossed the Internet. */
    static final String DEFAULT_TRUSTED_NETWORKS = "127.0.0.0/8, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, ::1, fc00::/7";
    private static final long DEFAULT_DNS_TIMEOUT_MILLIS = 3_000;
    /** RFC 7208 §4.6.4 asks for at least 20 seconds for a whole check. */
    private static final long DEFAULT_BUDGET_MILLIS = 20_000;
    private static final int DNS_PORT = 53;
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern SERVER_WITH_PORT = Pattern.compile("\\[(.+)]:(\\d{1,5})|([^:]+):(\\d{1,5})");

    static SpfAnnotatorSettings parse(MailetConfig config) throws MessagingException {
        rejectUnknownParameters(config);
        return new SpfAnnotatorSettings(
            receiver(config),
            checkHelo(config),
            trustedNetworks(parameter(config, TRUSTED_NETWORKS).orElse(DEFAULT_TRUSTED_NETWORKS)),
            dnsServers(parameter(config, DNS_SERVERS).orElse("")),
            positiveMillis(config, DNS_TIMEOUT_MILLIS, DEFAULT_DNS_TIMEOUT_MILLIS),
            positiveMillis(config, BUDGET_MILLIS, DEFAULT_BUDGET_MILLIS));
    }

    boolean isTrusted(InetAddress client) {
        return trustedNetworks.stream().anyMatch(network -> network.contains(client));
    }

    private static void rejectUnknownParameters(MailetConfig config) throws MessagingException {
        List<String> unknown = new ArrayList<>();
        config.getInitParameterNames().forEachRemaining(name -> {
            if (!PARAMETERS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new MessagingException("SpfAnnotator: unknown parameter(s) " + unknown + "; known parameters are " + PARAMETERS);
        }
    }

    private static Optional<String> parameter(MailetConfig config, String name) {
        return Optional.ofNullable(config.getInitParameter(name)).map(String::trim);
    }

    private static String receiver(MailetConfig config) throws MessagingException {
        String receiver = parameter(config, RECEIVER)
            .filter(value -> !value.isEmpty())
            .orElseThrow(() -> new MessagingException("SpfAnnotator: '" + RECEIVER
                + "' is required: the host name of this receiver, used as the authserv-id of Authentication-Results"));
        if (!HOST_NAME.matcher(receiver).matches()) {
            throw new MessagingException("SpfAnnotator: '" + RECEIVER + "' must be a host name, got '" + receiver + "'");
        }
        return receiver;
    }

    private static boolean checkHelo(MailetConfig config) throws MessagingException {
        String value = parameter(config, CHECK_HELO).orElse("false");
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new MessagingException("SpfAnnotator: '" + CHECK_HELO + "' must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static List<Network> trustedNetworks(String value) throws MessagingException {
        List<Network> networks = new ArrayList<>();
        for (String item : items(value)) {
            networks.add(Network.parse(item).orElseThrow(() -> new MessagingException("SpfAnnotator: '" + TRUSTED_NETWORKS
                + "' takes IP addresses and CIDR blocks such as 192.0.2.0/24, got '" + item + "'")));
        }
        return networks;
    }

    private static List<InetSocketAddress> dnsServers(String value) throws MessagingException {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String item : items(value)) {
            servers.add(dnsServer(item));
        }
        return servers;
    }

    /** {@code 192.0.2.53}, {@code 192.0.2.53:5353}, {@code 2001:db8::53} or {@code [2001:db8::53]:5353}; never a name to resolve. */
    private static InetSocketAddress dnsServer(String item) throws MessagingException {
        Matcher withPort = SERVER_WITH_PORT.matcher(item);
        String host = item;
        int port = DNS_PORT;
        if (withPort.matches()) {
            host = withPort.group(1) != null ? withPort.group(1) : withPort.group(3);
            port = Integer.parseInt(withPort.group(2) != null ? withPort.group(2) : withPort.group(4));
        }
        Optional<InetAddress> address = IpAddresses.parse(host);
        if (address.isEmpty() || port < 1 || port > 65_535) {
            throw new MessagingException("SpfAnnotator: '" + DNS_SERVERS
                + "' takes IP addresses with an optional port, such as 192.0.2.53 or [2001:db8::53]:5353, got '" + item + "'");
        }
        return new InetSocketAddress(address.get(), port);
    }

    private static Duration positiveMillis(MailetConfig config, String name, long defaultMillis) throws MessagingException {
        Optional<String> value = parameter(config, name);
        if (value.isEmpty()) {
            return Duration.ofMillis(defaultMillis);
        }
        try {
            long millis = Long.parseLong(value.get());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MessagingException("SpfAnnotator: '" + name + "' must be a positive number of milliseconds, got '" + value.get() + "'");
    }

    private static List<String> items(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
            .map(String::trim)
            .filter(item -> !item.isEmpty())
            .collect(Collectors.toList());
    }
}
