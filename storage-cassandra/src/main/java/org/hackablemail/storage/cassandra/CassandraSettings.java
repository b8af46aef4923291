package org.hackablemail.storage.cassandra;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and how the bundle reaches Cassandra. Read the James way: from James's own {@code cassandra.properties},
 * with its key names and defaults (Distributed James 3.8.1), so that on Distributed James there is nothing new to
 * configure; or, when {@code hackable-mail.properties} names nodes of its own ({@code storage.cassandra.nodes}),
 * from the bundle's keys, which are James's under {@code storage.}. TLS, timeouts and pools are the driver's own
 * configuration, as in James: the file named by the {@code config.file} system property
 * ({@code conf/cassandra-driver.conf} on Distributed James); the bundle's keys add {@code storage.cassandra.ssl.*}
 * for a James that has no such file.
 *
 * <p>The bundle's tables carry a prefix ({@code storage.cassandra.table.prefix}, default {@code hackable_}), so
 * that they can live in James's keyspace next to James's own; {@code storage.cassandra.keyspace} puts them in a
 * keyspace of their own instead.
 *
 * @param nodes                  contact points
 * @param keyspace               the keyspace holding the bundle's tables
 * @param createKeyspace         whether a missing keyspace is created (else it is an error at start)
 * @param replicationFactor      of a keyspace the bundle creates (SimpleStrategy, as James)
 * @param consistency            of reads and plain writes
 * @param serialConsistency      of lightweight transactions (compare-and-set)
 * @param connectionRetries      attempts to reach Cassandra at start before James's start fails
 * @param connectionRetryDelay   between those attempts
 * @param source                 the file the connection settings came from, for messages and status
 */
public record CassandraSettings(List<InetSocketAddress> nodes, String keyspace, boolean createKeyspace,
                                int replicationFactor, Optional<Credentials> credentials, String localDatacenter,
                                String tablePrefix, String consistency, String serialConsistency,
                                Optional<Tls> tls, int connectionRetries, Duration connectionRetryDelay, String source) {

    public static final int DEFAULT_PORT = 9042;
    public static final String DEFAULT_TABLE_PREFIX = "hackable_";
    /** Distributed James's default keyspace, the one its {@code cassandra.properties} uses when it names none. */
    public static final String JAMES_DEFAULT_KEYSPACE = "apache_james";
    /** The bundle's own keyspace when it is configured with its own keys and names none. */
    public static final String BUNDLE_DEFAULT_KEYSPACE = "hackable_mail";

    /** The prefix of the bundle's keys in {@code hackable-mail.properties}. */
    public static final String BUNDLE_PREFIX = "storage.";
    public static final String NODES = "cassandra.nodes";
    public static final String KEYSPACE = "cassandra.keyspace";
    public static final String CREATE_KEYSPACE = "cassandra.keyspace.create";
    public static final String REPLICATION_FACTOR = "cassandra.replication.factor";
    public static final String USER = "cassandra.user";
    public static final String PASSWORD = "cassandra.password";
    public static final String LOCAL_DC = "cassandra.local.dc";
    public static final String CONSISTENCY = "cassandra.consistency_level.regular";
    public static final String SERIAL_CONSISTENCY = "cassandra.consistency_level.lightweight_transaction";
    public static final String RETRIES = "cassandra.retryConnection.maxRetries";
    public static final String RETRY_DELAY = "cassandra.retryConnection.minDelay";
    public static final String TABLE_PREFIX = "cassandra.table.prefix";
    public static final String SSL = "cassandra.ssl";
    public static final String SSL_TRUSTSTORE = "cassandra.ssl.truststore.path";
    public static final String SSL_TRUSTSTORE_PASSWORD = "cassandra.ssl.truststore.password";
    public static final String SSL_KEYSTORE = "cassandra.ssl.keystore.path";
    public static final String SSL_KEYSTORE_PASSWORD = "cassandra.ssl.keystore.password";
    public static final String SSL_HOSTNAME_VALIDATION = "cassandra.ssl.hostname.validation";

    /** The levels James 3.8.1 accepts for these two keys. */
    private static final Set<String> REGULAR_LEVELS = Set.of("QUORUM", "LOCAL_QUORUM", "EACH_QUORUM");
    private static final Set<String> SERIAL_LEVELS = Set.of("SERIAL", "LOCAL_SERIAL");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    public CassandraSettings {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("At least one Cassandra node is required");
        }
    }

    /**
     * Reads the settings: from the bundle's keys when {@code storage.cassandra.nodes} is set, else from James's
     * {@code cassandra.properties}.
     *
     * @param bundle           {@code hackable-mail.properties}
     * @param jamesFile        James's {@code cassandra.properties}, when James's configuration directory has one
     * @param jamesFileName    how to name that file in messages
     * @throws IllegalArgumentException when neither names a node, or a value cannot be used
     */
    public static CassandraSettings read(SettingReader bundle, Optional<SettingReader> jamesFile, String jamesFileName) {
        List<InetSocketAddress> bundleNodes = bundle.value(BUNDLE_PREFIX + NODES, "", CassandraSettings::nodes);
        String tablePrefix = bundle.value(BUNDLE_PREFIX + TABLE_PREFIX, DEFAULT_TABLE_PREFIX, CassandraSettings::tablePrefix);
        Optional<String> bundleKeyspace = bundle.value(BUNDLE_PREFIX + KEYSPACE, "", CassandraSettings::optionalIdentifier);
        if (!bundleNodes.isEmpty()) {
            return readKeys(prefixed(bundle), bundleNodes, bundleKeyspace.orElse(BUNDLE_DEFAULT_KEYSPACE), true,
                tablePrefix, tlsOf(prefixed(bundle)), "hackable-mail.properties (" + BUNDLE_PREFIX + "cassandra.*)");
        }
        SettingReader james = jamesFile.orElseThrow(() -> new IllegalArgumentException(
            "storage=cassandra needs James's " + jamesFileName + " or " + BUNDLE_PREFIX + NODES
                + " in hackable-mail.properties"));
        List<InetSocketAddress> jamesNodes = james.value(NODES, "", CassandraSettings::nodes);
        if (jamesNodes.isEmpty()) {
            throw new IllegalArgumentException(jamesFileName + " names no node (" + NODES + ")");
        }
        String keyspace = bundleKeyspace.orElseGet(() -> james.value(KEYSPACE, JAMES_DEFAULT_KEYSPACE, CassandraSettings::identifier));
        return readKeys(james, jamesNodes, keyspace, false, tablePrefix, Optional.empty(), jamesFileName);
    }

    private static CassandraSettings readKeys(SettingReader keys, List<InetSocketAddress> nodes, String keyspace,
                                              boolean createByDefault, String tablePrefix, Optional<Tls> tls, String source) {
        Optional<String> user = keys.value(USER, "", CassandraSettings::optional);
        Optional<Secret> password = keys.value(PASSWORD, "", value -> optional(value).map(Secret::new));
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException(source + ": " + USER + " and " + PASSWORD + " go together");
        }
        return new CassandraSettings(nodes, keyspace,
            keys.value(CREATE_KEYSPACE, String.valueOf(createByDefault), CassandraSettings::bool),
            keys.value(REPLICATION_FACTOR, "1", CassandraSettings::positive),
            user.map(name -> new Credentials(name, password.orElseThrow())),
            keys.value(LOCAL_DC, "datacenter1", CassandraSettings::required),
            tablePrefix,
            keys.value(CONSISTENCY, "QUORUM", value -> level(value, REGULAR_LEVELS)),
            keys.value(SERIAL_CONSISTENCY, "SERIAL", value -> level(value, SERIAL_LEVELS)),
            tls,
            keys.value(RETRIES, "10", CassandraSettings::positive),
            Duration.ofMillis(keys.value(RETRY_DELAY, "5000", CassandraSettings::positive)),
            source);
    }

    private static Optional<Tls> tlsOf(SettingReader keys) {
        if (!keys.value(SSL, "false", CassandraSettings::bool)) {
            return Optional.empty();
        }
        return Optional.of(new Tls(
            keys.value(SSL_TRUSTSTORE, "", value -> optional(value).map(Path::of)),
            keys.value(SSL_TRUSTSTORE_PASSWORD, "", value -> optional(value).map(Secret::new)),
            keys.value(SSL_KEYSTORE, "", value -> optional(value).map(Path::of)),
            keys.value(SSL_KEYSTORE_PASSWORD, "", value -> optional(value).map(Secret::new)),
            keys.value(SSL_HOSTNAME_VALIDATION, "true", CassandraSettings::bool)));
    }

    /** The bundle's keys are James's under {@code storage.}. */
    private static SettingReader prefixed(SettingReader bundle) {
        return new SettingReader() {
            @Override
            public <T> T value(String key, String defaultValue, java.util.function.Function<String, T> parser) {
                return bundle.value(BUNDLE_PREFIX + key, defaultValue, parser);
            }
        };
    }

    /** A table name with the prefix. */
    public String table(String name) {
        return tablePrefix + name;
    }

    /** {@code host[:port], ...} as in James's {@code cassandra.nodes}; empty when blank. */
    static List<InetSocketAddress> nodes(String value) {
        if (value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
            .map(String::trim)
            .filter(node -> !node.isEmpty())
            .map(CassandraSettings::node)
            .toList();
    }

    private static InetSocketAddress node(String node) {
        String host = node;
        int port = DEFAULT_PORT;
        int colon = node.lastIndexOf(':');
        if (colon >= 0 && node.indexOf(':') == colon) {
            host = node.substring(0, colon);
            try {
                port = Integer.parseInt(node.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + node + "' is not host[:port]");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range in '" + node + "'");
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + node + "' names no host");
        }
        // Unresolved, as James does: the driver resolves it when it connects, and again after a DNS change.
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static String identifier(String value) {
        String name = value.trim();
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("a Cassandra name is required: a lower-case letter, then lower-case"
                + " letters, digits or '_', at most 48 characters");
        }
        return name;
    }

    private static Optional<String> optionalIdentifier(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(identifier(value));
    }

    private static String tablePrefix(String value) {
        String prefix = value.trim();
        if (!prefix.isEmpty() && !IDENTIFIER.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a prefix of lower-case letters, digits and '_' is required, e.g. hackable_");
        }
        return prefix;
    }

    private static Optional<String> optional(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static String required(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("a value is required");
        }
        return value.trim();
    }

    private static boolean bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("true or false is required");
        };
    }

    private static int positive(String value) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Same message as a number below one.
        }
        throw new IllegalArgumentException("a whole number of at least 1 is required");
    }

    private static String level(String value, Set<String> allowed) {
        String level = value.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(level)) {
            throw new IllegalArgumentException("one of " + String.join(", ", allowed.stream().sorted().toList()) + " is required");
        }
        return level;
    }

    /** A user name and password for Cassandra's PasswordAuthenticator. */
    public record Credentials(String user, Secret password) {
    }

    /**
     * TLS to Cassandra with the driver's default engine, for a James without {@code cassandra-driver.conf}.
     * Without a trust store, the JVM's default trust applies.
     */
    public record Tls(Optional<Path> truststore, Optional<Secret> truststorePassword, Optional<Path> keystore,
                      Optional<Secret> keystorePassword, boolean hostnameValidation) {
    }

    /** A password: never shown, in logs, messages or the status page. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "(hidden)";
        }
    }
}
