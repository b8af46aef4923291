package org.hackablemail.storage.cassandra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.hackablemail.storage.cassandra.CassandraSessionFactory;
import org.hackablemail.storage.cassandra.CassandraSettings;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;

/**
 * One Cassandra for all the tests of a test JVM: started by the first test class that needs it
 * ({@code @ExtendWith(SharedCassandra.class)}), killed when the JVM's tests are done. Test classes keep apart by
 * working in keyspaces of their own ({@link #newKeyspaceName}).
 *
 * <p>System properties: {@code hackablemail.cassandra.classpath}, the classpath file of the cassandra-runtime module
 * (set by the modules' surefire configuration); {@code hackablemail.cassandra.directory}, where its data and log go
 * (default {@code target/cassandra}, emptied at start).
 */
public final class SharedCassandra implements BeforeAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCassandra.class);
    private static final AtomicInteger KEYSPACES = new AtomicInteger();

    private static CassandraProcess server;
    private static Duration startTime;

    @Override
    public void beforeAll(ExtensionContext context) {
        CassandraProcess cassandra = server();
        // The root context's store closes its resources once every test of the engine has run.
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("cassandra", key -> new Stopper(cassandra), Stopper.class);
    }

    /** The shared node, started on first use. */
    public static synchronized CassandraProcess server() {
        if (server == null) {
            long start = System.nanoTime();
            try {
                server = CassandraProcess.startFresh(directory(), classpathFile(), START_TIMEOUT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting Cassandra", e);
            }
            startTime = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("Cassandra ready on %s in %.1f s%n", server.nodes(), startTime.toMillis() / 1000.0);
            Runtime.getRuntime().addShutdownHook(new Thread(SharedCassandra::stopQuietly, "stop-shared-cassandra"));
        }
        return server;
    }

    /** A keyspace name no other test class of this run uses. */
    public static String newKeyspaceName(String prefix) {
        return prefix.toLowerCase(Locale.ROOT) + "_" + KEYSPACES.incrementAndGet();
    }

    /** Settings for the shared node, with the bundle's own keys: a keyspace of the caller's, created if missing. */
    public static CassandraSettings settings(String keyspace) {
        return new CassandraSettings(List.of(server().contactPoint()), keyspace, true, 1, Optional.empty(),
            "datacenter1", CassandraSettings.DEFAULT_TABLE_PREFIX, "QUORUM", "SERIAL", Optional.empty(), 1,
            Duration.ofSeconds(1), "tests");
    }

    /**
     * A session on the shared node. The driver refreshes its schema metadata after each DDL statement only once its
     * debouncer window (1 s) has passed: tests, which create keyspaces and tables, shorten it (DDL ~5x faster).
     */
    public static CqlSession session(CassandraSettings settings) {
        try {
            return new CassandraSessionFactory(settings, FAST_DDL).open();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Driver options for tests: see {@link #session}. Requests get 20 s instead of 2: on a 2-core machine running James,
     * Cassandra and the tests at once, a TRUNCATE between tests (it flushes) can take longer than 2 s.
     */
    public static final UnaryOperator<ProgrammaticDriverConfigLoaderBuilder> FAST_DDL = options -> options
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(10))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL, Duration.ofMillis(20));

    private static Path directory() {
        return Path.of(System.getProperty("hackablemail.cassandra.directory", "target/cassandra")).toAbsolutePath();
    }

    private static Path classpathFile() {
        String configured = System.getProperty("hackablemail.cassandra.classpath");
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of("..", "cassandra-runtime", "target", "cassandra-server.classpath").toAbsolutePath().normalize();
    }

    private static synchronized void stopQuietly() {
        if (server != null) {
            try {
                server.close();
                server = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Stopper(CassandraProcess cassandra) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stopQuietly();
        }
    }
}
