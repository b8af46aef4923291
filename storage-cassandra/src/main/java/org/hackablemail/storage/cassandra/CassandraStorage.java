package org.hackablemail.storage.cassandra;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.hackablemail.core.store.Storage;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.VariableStore;
import org.hackablemail.core.trace.TraceStore;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;

/**
 * Every store of the bundle on Apache Cassandra, shared by any number of James nodes: one driver session, the
 * schema made ready at start, and the stores on it.
 */
public final class CassandraStorage implements Storage, AutoCloseable {
    private final CqlSession session;
    private final Cql cql;
    private final CassandraPluginStore plugins;
    private final CassandraVariableStore variables;
    private final CassandraGuestStore guests;
    private final CassandraAuditLog audit;
    private final TraceStore trace;
    private final CassandraBayesStore bayes;
    private final CassandraCircuitStore circuits;

    /** The stores on {@code cql}; closing them closes {@code session}, when given. */
    CassandraStorage(Cql cql, StorageSettings stores, Duration refresh, Clock clock, CqlSession session) {
        this.session = session;
        this.cql = cql;
        this.plugins = new CassandraPluginStore(cql, clock, stores.keepVersions());
        this.variables = new CassandraVariableStore(cql, stores.variableQuotas(), stores.variableCacheBytes(), refresh, clock);
        this.guests = new CassandraGuestStore(cql, clock);
        this.audit = new CassandraAuditLog(cql, clock);
        this.trace = new CassandraTraceStore(cql, stores.traceRetention(), clock);
        this.bayes = new CassandraBayesStore(cql, clock);
        this.circuits = new CassandraCircuitStore(cql, clock);
    }

    /**
     * Connects (retrying as {@link CassandraSettings} says), creates or checks the keyspace and tables, and gives
     * the stores.
     *
     * @param refresh how long a node serves plugin variables it read before reading them again
     * @throws CassandraUnreachableException when no node answers
     * @throws CassandraSchemaException      when the keyspace or a table cannot be used
     */
    public static CassandraStorage open(CassandraSettings settings, StorageSettings stores, Duration refresh, Clock clock)
            throws InterruptedException {
        return open(settings, stores, refresh, clock, UnaryOperator.identity());
    }

    /** {@link #open}, with driver options laid over the driver's configuration (tests). */
    public static CassandraStorage open(CassandraSettings settings, StorageSettings stores, Duration refresh, Clock clock,
                                        UnaryOperator<ProgrammaticDriverConfigLoaderBuilder> driverOptions)
            throws InterruptedException {
        CqlSession session = new CassandraSessionFactory(settings, driverOptions).open();
        try {
            new CassandraSchema(session, settings).ensure(tables());
            return new CassandraStorage(new Cql(session, settings), stores, refresh, clock, session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Every table of the bundle. */
    public static List<CassandraTable> tables() {
        List<CassandraTable> tables = new ArrayList<>(CassandraPluginStore.tables());
        tables.add(CassandraVariableStore.VARIABLES);
        tables.addAll(CassandraGuestStore.tables());
        tables.addAll(CassandraAuditLog.tables());
        tables.add(CassandraTraceStore.TRACE);
        tables.addAll(CassandraBayesStore.tables());
        tables.addAll(CassandraCircuitStore.tables());
        return List.copyOf(tables);
    }

    @Override
    public CassandraPluginStore plugins() {
        return plugins;
    }

    @Override
    public VariableStore variables() {
        return variables;
    }

    @Override
    public CassandraGuestStore guests() {
        return guests;
    }

    @Override
    public CassandraAuditLog audit() {
        return audit;
    }

    @Override
    public TraceStore trace() {
        return trace;
    }

    /** The Bayes filter's training, which each node folds into its in-memory model. */
    public CassandraBayesStore bayes() {
        return bayes;
    }

    @Override
    public CassandraCircuitStore circuits() {
        return circuits;
    }

    /** Whether a Cassandra node answers now, for the health checks. */
    public boolean reachable() {
        return cql.reachable();
    }

    /** Where the bundle's tables are, and from which file the settings came: for the status page. */
    public String describe() {
        CassandraSettings settings = cql.settings();
        return settings.nodes() + ", keyspace " + settings.keyspace() + ", tables " + settings.tablePrefix() + "* ("
            + settings.source() + ")";
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
