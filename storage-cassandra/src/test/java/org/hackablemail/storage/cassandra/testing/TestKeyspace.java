package org.hackablemail.storage.cassandra.testing;

import java.util.List;

import org.hackablemail.storage.cassandra.CassandraSchema;
import org.hackablemail.storage.cassandra.CassandraSettings;
import org.hackablemail.storage.cassandra.CassandraTable;
import org.hackablemail.storage.cassandra.Cql;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.datastax.oss.driver.api.core.CqlSession;

/**
 * A keyspace of a test class's own on the shared Cassandra, with the tables it needs, seen from two "nodes": two
 * driver sessions, as two James nodes would have. As a {@code @RegisterExtension} static field: created before the
 * class's tests, its tables emptied before each test, its sessions closed after.
 */
public final class TestKeyspace implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final String prefix;
    private final List<CassandraTable> tables;
    private CassandraSettings settings;
    private CqlSession nodeA;
    private CqlSession nodeB;
    private Cql cqlA;
    private Cql cqlB;

    /** A new keyspace named after {@code prefix} with {@code tables}. */
    public TestKeyspace(String prefix, List<CassandraTable> tables) {
        this.prefix = prefix;
        this.tables = List.copyOf(tables);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        new SharedCassandra().beforeAll(context);
        settings = SharedCassandra.settings(SharedCassandra.newKeyspaceName(prefix));
        nodeA = SharedCassandra.session(settings);
        new CassandraSchema(nodeA, settings).ensure(tables);
        nodeB = SharedCassandra.session(settings);
        cqlA = new Cql(nodeA, settings);
        cqlB = new Cql(nodeB, settings);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        empty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        nodeA.close();
        nodeB.close();
    }

    public CassandraSettings settings() {
        return settings;
    }

    /** The first node's statements. */
    public Cql nodeA() {
        return cqlA;
    }

    /** Another node's statements, on a session of its own. */
    public Cql nodeB() {
        return cqlB;
    }

    /** Removes every row of the keyspace's tables (a truncation flushes: only tables that have rows). */
    public void empty() {
        for (CassandraTable table : tables) {
            String name = settings.keyspace() + "." + settings.table(table.name());
            if (nodeA.execute("SELECT * FROM " + name + " LIMIT 1").one() != null) {
                nodeA.execute("TRUNCATE " + name);
            }
        }
    }
}
