package org.hackablemail.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class CassandraSettingsTest {
    private static final String JAMES_FILE = "/opt/james/conf/cassandra.properties";

    @Test
    void shouldReadJamesCassandraPropertiesWithJamesDefaults() {
        Keys james = new Keys(JAMES_FILE).with("cassandra.nodes", "cassandra1, cassandra2:9043");

        CassandraSettings settings = CassandraSettings.read(new Keys("hackable-mail.properties"), Optional.of(james), JAMES_FILE);

        assertThat(settings.nodes()).containsExactly(InetSocketAddress.createUnresolved("cassandra1", 9042),
            InetSocketAddress.createUnresolved("cassandra2", 9043));
        assertThat(settings.keyspace()).isEqualTo("apache_james");
        assertThat(settings.createKeyspace()).isFalse();
        assertThat(settings.replicationFactor()).isEqualTo(1);
        assertThat(settings.localDatacenter()).isEqualTo("datacenter1");
        assertThat(settings.consistency()).isEqualTo("QUORUM");
        assertThat(settings.serialConsistency()).isEqualTo("SERIAL");
        assertThat(settings.credentials()).isEmpty();
        assertThat(settings.tls()).isEmpty();
        assertThat(settings.connectionRetries()).isEqualTo(10);
        assertThat(settings.connectionRetryDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.table("vars")).isEqualTo("hackable_vars");
        assertThat(settings.source()).isEqualTo(JAMES_FILE);
    }

    @Test
    void shouldReadEveryJamesKey() {
        Keys james = new Keys(JAMES_FILE)
            .with("cassandra.nodes", "10.0.0.1")
            .with("cassandra.keyspace", "mail")
            .with("cassandra.keyspace.create", "true")
            .with("cassandra.replication.factor", "3")
            .with("cassandra.user", "james")
            .with("cassandra.password", "secret")
            .with("cassandra.local.dc", "dc2")
            .with("cassandra.consistency_level.regular", "LOCAL_QUORUM")
            .with("cassandra.consistency_level.lightweight_transaction", "LOCAL_SERIAL")
            .with("cassandra.retryConnection.maxRetries", "3")
            .with("cassandra.retryConnection.minDelay", "100");

        CassandraSettings settings = CassandraSettings.read(new Keys("hackable-mail.properties"), Optional.of(james), JAMES_FILE);

        assertThat(settings.keyspace()).isEqualTo("mail");
        assertThat(settings.createKeyspace()).isTrue();
        assertThat(settings.replicationFactor()).isEqualTo(3);
        assertThat(settings.credentials()).hasValueSatisfying(credentials -> {
            assertThat(credentials.user()).isEqualTo("james");
            assertThat(credentials.password().value()).isEqualTo("secret");
        });
        assertThat(settings.localDatacenter()).isEqualTo("dc2");
        assertThat(settings.consistency()).isEqualTo("LOCAL_QUORUM");
        assertThat(settings.serialConsistency()).isEqualTo("LOCAL_SERIAL");
        assertThat(settings.connectionRetries()).isEqualTo(3);
        assertThat(settings.connectionRetryDelay()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void shouldPutTheBundleTablesInAKeyspaceOfItsOwnWhenTheBundleNamesOne() {
        Keys bundle = new Keys("hackable-mail.properties")
            .with("storage.cassandra.keyspace", "hackable")
            .with("storage.cassandra.table.prefix", "");
        Keys james = new Keys(JAMES_FILE).with("cassandra.nodes", "cassandra").with("cassandra.keyspace", "mail");

        CassandraSettings settings = CassandraSettings.read(bundle, Optional.of(james), JAMES_FILE);

        assertThat(settings.keyspace()).isEqualTo("hackable");
        assertThat(settings.table("vars")).isEqualTo("vars");
    }

    @Test
    void shouldUseTheBundleKeysWhenTheyNameNodesEvenIfJamesHasAFile() {
        Keys bundle = new Keys("hackable-mail.properties")
            .with("storage.cassandra.nodes", "127.0.0.1:19042")
            .with("storage.cassandra.ssl", "true")
            .with("storage.cassandra.ssl.truststore.path", "/etc/trust.p12")
            .with("storage.cassandra.ssl.truststore.password", "changeit");
        Keys james = new Keys(JAMES_FILE).with("cassandra.nodes", "cassandra");

        CassandraSettings settings = CassandraSettings.read(bundle, Optional.of(james), JAMES_FILE);

        assertThat(settings.nodes()).containsExactly(InetSocketAddress.createUnresolved("127.0.0.1", 19042));
        assertThat(settings.keyspace()).isEqualTo("hackable_mail");
        assertThat(settings.createKeyspace()).isTrue();
        assertThat(settings.source()).startsWith("hackable-mail.properties");
        assertThat(settings.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.truststore()).contains(Path.of("/etc/trust.p12"));
            assertThat(tls.truststorePassword().map(CassandraSettings.Secret::value)).contains("changeit");
            assertThat(tls.hostnameValidation()).isTrue();
        });
    }

    @Test
    void shouldNeverShowAPassword() {
        Keys james = new Keys(JAMES_FILE).with("cassandra.nodes", "c").with("cassandra.user", "james")
            .with("cassandra.password", "s3cr3t-value");

        CassandraSettings settings = CassandraSettings.read(new Keys("hackable-mail.properties"), Optional.of(james), JAMES_FILE);

        assertThat(settings.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void shouldRequireJamesFileOrBundleNodes() {
        assertThatThrownBy(() -> CassandraSettings.read(new Keys("hackable-mail.properties"), Optional.empty(), JAMES_FILE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(JAMES_FILE)
            .hasMessageContaining("storage.cassandra.nodes");
    }

    @Test
    void shouldRefuseAUserWithoutAPassword() {
        Keys james = new Keys(JAMES_FILE).with("cassandra.nodes", "c").with("cassandra.user", "james");

        assertThatThrownBy(() -> CassandraSettings.read(new Keys("hackable-mail.properties"), Optional.of(james), JAMES_FILE))
            .hasMessageContaining("cassandra.user and cassandra.password go together");
    }

    @Test
    void shouldNameTheKeyAndFileOfAnUnusableValue() {
        Keys james = new Keys(JAMES_FILE).with("cassandra.nodes", "c").with("cassandra.consistency_level.regular", "ONE");

        assertThatThrownBy(() -> CassandraSettings.read(new Keys("hackable-mail.properties"), Optional.of(james), JAMES_FILE))
            .hasMessageContaining("cassandra.consistency_level.regular")
            .hasMessageContaining(JAMES_FILE)
            .hasMessageContaining("EACH_QUORUM, LOCAL_QUORUM, QUORUM");
    }

    @Test
    void shouldRefuseAKeyspaceNameCassandraWouldNotTake() {
        Keys bundle = new Keys("hackable-mail.properties").with("storage.cassandra.nodes", "c")
            .with("storage.cassandra.keyspace", "drop table x;");

        assertThatThrownBy(() -> CassandraSettings.read(bundle, Optional.empty(), JAMES_FILE))
            .hasMessageContaining("storage.cassandra.keyspace");
    }

    @Test
    void shouldRefuseANodeWithABadPort() {
        Keys bundle = new Keys("hackable-mail.properties").with("storage.cassandra.nodes", "cassandra:http");

        assertThatThrownBy(() -> CassandraSettings.read(bundle, Optional.empty(), JAMES_FILE))
            .hasMessageContaining("storage.cassandra.nodes")
            .hasMessageContaining("'cassandra:http' is not host[:port]");
    }

    /** A properties file as the James adapter reads it: the parser's message is prefixed with the key and file. */
    private static final class Keys implements SettingReader {
        private final String file;
        private final Map<String, String> values = new HashMap<>();

        Keys(String file) {
            this.file = file;
        }

        Keys with(String key, String value) {
            values.put(key, value);
            return this;
        }

        @Override
        public <T> T value(String key, String defaultValue, Function<String, T> parser) {
            String raw = values.getOrDefault(key, defaultValue);
            try {
                return parser.apply(raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid value '" + raw + "' for key '" + key + "' in " + file + ": "
                    + e.getMessage(), e);
            }
        }
    }
}
