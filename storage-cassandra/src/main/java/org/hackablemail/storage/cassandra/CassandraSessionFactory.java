package org.hackablemail.storage.cassandra;

import java.util.List;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;

/**
 * Opens the bundle's driver session as James opens its own (James 3.8.1 {@code ClusterFactory}): the contact points,
 * local datacenter and credentials of {@link CassandraSettings}, everything else from the driver's own configuration
 * (the {@code config.file} James's {@code jvm.properties} names, else the driver's defaults), retried at start as
 * James retries. The session names no keyspace: statements name their tables in full.
 */
public final class CassandraSessionFactory {
    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraSessionFactory.class);

    private final CassandraSettings settings;
    private final UnaryOperator<ProgrammaticDriverConfigLoaderBuilder> driverOptions;

    public CassandraSessionFactory(CassandraSettings settings) {
        this(settings, UnaryOperator.identity());
    }

    /**
     * @param driverOptions options laid over the driver's configuration (tests shorten the schema debouncer)
     */
    public CassandraSessionFactory(CassandraSettings settings, UnaryOperator<ProgrammaticDriverConfigLoaderBuilder> driverOptions) {
        this.settings = settings;
        this.driverOptions = driverOptions;
    }

    /**
     * @throws CassandraUnreachableException when no node answered after the configured retries
     */
    public CqlSession open() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return builder().build();
            } catch (AllNodesFailedException e) {
                if (attempt >= settings.connectionRetries()) {
                    throw new CassandraUnreachableException(settings, attempt, e);
                }
                LOGGER.warn("Cassandra at {} ({}) did not answer, attempt {} of {}: {}", settings.nodes(), settings.source(),
                    attempt, settings.connectionRetries(), e.getMessage());
                Thread.sleep(settings.connectionRetryDelay().toMillis());
            }
        }
    }

    private CqlSessionBuilder builder() {
        CqlSessionBuilder builder = CqlSession.builder()
            .addContactPoints(settings.nodes())
            .withLocalDatacenter(settings.localDatacenter())
            .withConfigLoader(configLoader());
        settings.credentials().ifPresent(credentials ->
            builder.withAuthCredentials(credentials.user(), credentials.password().value()));
        return builder;
    }

    private DriverConfigLoader configLoader() {
        // Over the driver's own configuration, which reads the config.file system property as James's does.
        ProgrammaticDriverConfigLoaderBuilder options = DriverConfigLoader.programmaticBuilder(CqlSession.class.getClassLoader())
            // Only the bundle's keyspace: James's own keyspace holds many tables this session never uses.
            .withStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES, List.of(settings.keyspace()));
        settings.tls().ifPresent(tls -> {
            options.withString(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS, "DefaultSslEngineFactory")
                .withBoolean(DefaultDriverOption.SSL_HOSTNAME_VALIDATION, tls.hostnameValidation());
            tls.truststore().ifPresent(path -> options.withString(DefaultDriverOption.SSL_TRUSTSTORE_PATH, path.toString()));
            tls.truststorePassword().ifPresent(secret -> options.withString(DefaultDriverOption.SSL_TRUSTSTORE_PASSWORD, secret.value()));
            tls.keystore().ifPresent(path -> options.withString(DefaultDriverOption.SSL_KEYSTORE_PATH, path.toString()));
            tls.keystorePassword().ifPresent(secret -> options.withString(DefaultDriverOption.SSL_KEYSTORE_PASSWORD, secret.value()));
        });
        return driverOptions.apply(options).build();
    }
}
