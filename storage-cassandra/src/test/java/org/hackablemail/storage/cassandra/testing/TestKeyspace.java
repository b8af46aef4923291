package org.hackablemail.storage.cassandra.testing;

import java.util.List;

import org.hackablemail.storage.cassandra.CassandraSchema;
import org.hackablemail.storage.cassandra.CassandraSettings;
import org.hackablemail.storage.cassandra.CassandraTable;
import org.hackablemail.storage.cassandra.Cql;

import com.datastax.oss.driver.api.core.CqlSession;

/**
 * A keyspace of a test class's own on the shared Cassandra, with the tables it needs, seen from two "nodes": two
 * driver sessions, as two James nodes would have. {@link #empty} truncates the tables between tests.
 */
public final class TestKeyspace implements AutoCloseable {
    private final CassandraSettings settings;
    private final List<CassandraTable> tables;
    private final CqlSession nodeA;
    private final CqlSession nodeB;
    private final Cql cqlA;
    private final Cql cqlB;

    private TestKeyspace(CassandraSettings settings, List<CassandraTable> tables) {
        this.settings = settings;
        this.tables = tables;
        this.nodeA = SharedCassandra.session(settings);
        new CassandraSchema(nodeA, settings).ensure(tables);
        this.nodeB = SharedCassandra.session(settings);
        this.cqlA = new Cql(nodeA, settings);
        this.cqlB = new Cql(nodeB, settings);
    }

    /** Creates a new keyspace named after {@code prefix} with {@code tables}. */
    public static TestKeyspace create(String prefix, List<CassandraTable> tables) {
        return new TestKeyspace(SharedCassandra.settings(SharedCassandra.newKeyspaceName(prefix)), tables);
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

    @Override
    public void close() {
        nodeA.close();
        nodeB.close();
    }
}
