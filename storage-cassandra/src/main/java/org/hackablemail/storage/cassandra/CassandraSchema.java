package org.hackablemail.storage.cassandra;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;

/**
 * Makes the bundle's keyspace and tables ready at start: creates what is missing (when allowed) and checks what
 * exists, so that a keyspace the bundle cannot use stops James's start with a message that says why, rather than
 * failing the first mail. Reads {@code system_schema} directly: no wait on the driver's metadata.
 */
public final class CassandraSchema {
    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraSchema.class);
    /** Creating a table takes Cassandra longer than a request's usual timeout (2 s by default), more so when busy. */
    private static final Duration DDL_TIMEOUT = Duration.ofMinutes(1);

    private final CqlSession session;
    private final CassandraSettings settings;

    public CassandraSchema(CqlSession session, CassandraSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    /**
     * @throws CassandraSchemaException when the keyspace is missing and may not be created, a table cannot be
     *                                  created, or an existing table lacks a column the bundle needs
     */
    public void ensure(List<CassandraTable> tables) {
        ensureKeyspace();
        for (CassandraTable table : tables) {
            ensureTable(table);
        }
    }

    private void ensureKeyspace() {
        boolean exists = session.execute(SimpleStatement.newInstance(
            "SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?", settings.keyspace())).one() != null;
        if (exists) {
            return;
        }
        if (!settings.createKeyspace()) {
            throw new CassandraSchemaException("Keyspace '" + settings.keyspace() + "' does not exist in Cassandra at "
                + settings.nodes() + " and " + settings.source() + " does not allow creating it: create it, or set "
                + CassandraSettings.CREATE_KEYSPACE + "=true");
        }
        LOGGER.info("Creating keyspace {} (replication factor {})", settings.keyspace(), settings.replicationFactor());
        run("CREATE KEYSPACE IF NOT EXISTS " + settings.keyspace()
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + settings.replicationFactor()
            + "} AND durable_writes = true", "create keyspace " + settings.keyspace());
    }

    private void ensureTable(CassandraTable table) {
        String name = settings.table(table.name());
        Map<String, Column> existing = columns(name);
        if (existing.isEmpty()) {
            LOGGER.info("Creating table {}.{}", settings.keyspace(), name);
            run(table.createStatement(settings.keyspace() + "." + name), "create table " + settings.keyspace() + "." + name);
            existing = columns(name);
        }
        for (Map.Entry<String, String> column : table.columns().entrySet()) {
            Column found = existing.get(column.getKey());
            String type = CassandraTable.typeOf(column.getValue());
            String kind = table.kindOf(column.getKey());
            if (found == null || !normalized(found.type()).equals(normalized(type)) || !found.kind().equals(kind)) {
                throw new CassandraSchemaException("Table " + settings.keyspace() + "." + name + " exists but its column '"
                    + column.getKey() + "' is " + (found == null ? "missing" : found.type() + " (" + found.kind() + ")")
                    + " where Hackable Mail needs " + type + " (" + kind + "): is the table prefix "
                    + "(" + CassandraSettings.BUNDLE_PREFIX + CassandraSettings.TABLE_PREFIX + ") shared with something else?");
            }
        }
    }

    private Map<String, Column> columns(String table) {
        Map<String, Column> columns = new HashMap<>();
        for (Row row : session.execute(SimpleStatement.newInstance(
                "SELECT column_name, type, kind FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?",
                settings.keyspace(), table))) {
            columns.put(row.getString("column_name"), new Column(row.getString("type"), row.getString("kind")));
        }
        return columns;
    }

    private void run(String cql, String what) {
        try {
            session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
        } catch (UnauthorizedException e) {
            throw new CassandraSchemaException("The Cassandra user of " + settings.source() + " may not " + what + " ("
                + e.getMessage() + "): grant it CREATE on keyspace " + settings.keyspace()
                + ", or create the tables beforehand", e);
        }
    }

    private static String normalized(String type) {
        return type.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    private record Column(String type, String kind) {
    }
}
