package org.hackablemail.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hackablemail.storage.cassandra.testing.SharedCassandra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

@ExtendWith(SharedCassandra.class)
class CassandraSchemaTest {
    private static final CassandraTable NOTES = CassandraTable.named("notes")
        .column("owner", "text")
        .column("at", "bigint")
        .column("text", "text")
        .column("version", "bigint static")
        .partitionKey("owner")
        .clustering("at")
        .with("CLUSTERING ORDER BY (at DESC)")
        .build();

    private static CqlSession session;

    @BeforeAll
    static void connect() {
        session = SharedCassandra.session(SharedCassandra.settings("system"));
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @Test
    void shouldCreateTheKeyspaceAndTablesWhenMissing() {
        CassandraSettings settings = SharedCassandra.settings(SharedCassandra.newKeyspaceName("schema"));

        new CassandraSchema(session, settings).ensure(List.of(NOTES));

        session.execute(SimpleStatement.newInstance("INSERT INTO " + settings.keyspace() + ".hackable_notes (owner, at, text, version)"
            + " VALUES ('bob@example.org', 1, 'hello', 7)"));
        assertThat(session.execute("SELECT text, version FROM " + settings.keyspace() + ".hackable_notes").one().getString("text"))
            .isEqualTo("hello");
    }

    @Test
    void shouldAcceptTheTablesItCreatedBeforeAndKeepTheirData() {
        CassandraSettings settings = SharedCassandra.settings(SharedCassandra.newKeyspaceName("schema"));
        new CassandraSchema(session, settings).ensure(List.of(NOTES));
        session.execute("INSERT INTO " + settings.keyspace() + ".hackable_notes (owner, at, text) VALUES ('a@b.c', 1, 'kept')");

        assertThatCode(() -> new CassandraSchema(session, settings).ensure(List.of(NOTES))).doesNotThrowAnyException();

        assertThat(session.execute("SELECT text FROM " + settings.keyspace() + ".hackable_notes").one().getString("text"))
            .isEqualTo("kept");
    }

    @Test
    void shouldRefuseAMissingKeyspaceWhenCreationIsNotAllowed() {
        CassandraSettings settings = withoutKeyspaceCreation(SharedCassandra.settings(SharedCassandra.newKeyspaceName("absent")));

        assertThatThrownBy(() -> new CassandraSchema(session, settings).ensure(List.of(NOTES)))
            .isInstanceOf(CassandraSchemaException.class)
            .hasMessageContaining("Keyspace '" + settings.keyspace() + "' does not exist")
            .hasMessageContaining("cassandra.keyspace.create=true");
    }

    @Test
    void shouldRefuseATableOfTheSameNameWithOtherColumns() {
        CassandraSettings settings = SharedCassandra.settings(SharedCassandra.newKeyspaceName("clash"));
        new CassandraSchema(session, settings).ensure(List.of());
        session.execute("CREATE TABLE " + settings.keyspace() + ".hackable_notes (owner text PRIMARY KEY, text blob)");

        assertThatThrownBy(() -> new CassandraSchema(session, settings).ensure(List.of(NOTES)))
            .isInstanceOf(CassandraSchemaException.class)
            .hasMessageContaining("hackable_notes exists but its column 'at' is missing");
    }

    private static CassandraSettings withoutKeyspaceCreation(CassandraSettings settings) {
        return new CassandraSettings(settings.nodes(), settings.keyspace(), false, 1, settings.credentials(),
            settings.localDatacenter(), settings.tablePrefix(), settings.consistency(), settings.serialConsistency(),
            settings.tls(), 1, settings.connectionRetryDelay(), "cassandra.properties");
    }
}
