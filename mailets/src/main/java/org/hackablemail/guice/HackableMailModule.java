package org.hackablemail.guice;

import java.io.FileNotFoundException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.configuration.Configuration.ConfigurationPath;
import org.apache.james.utils.PropertiesProvider;
import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.LuceneBayesStore;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.config.ValueParsers;
import org.hackablemail.config.HackableMailConfigurationLoader;
import org.hackablemail.config.CassandraConfiguration;
import org.hackablemail.config.StorageConfiguration;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.circuit.CircuitBreaker;
import org.hackablemail.core.circuit.CircuitStore;
import org.hackablemail.core.guests.GuestAccess;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.core.store.AuditLog;
import org.hackablemail.core.store.GuestStore;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.Storage;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.VariableStore;
import org.hackablemail.core.store.fs.FileSystemStorage;
import org.hackablemail.health.BundleComponent;
import org.hackablemail.health.DataDirectory;
import org.hackablemail.health.StorageHealth;
import org.hackablemail.message.MailSnapshots;
import org.hackablemail.plugin.host.PluginSandbox;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.simulation.SimulationSuite;
import org.hackablemail.plugins.PluginSettings;
import org.hackablemail.plugins.PluginWorkers;
import org.hackablemail.spam.BayesSettings;
import org.hackablemail.plugins.ReplyBudget;
import org.hackablemail.plugins.SenderVouching;
import org.hackablemail.spam.SpamFilter;
import org.hackablemail.webadmin.GuestEndpoint;
import org.hackablemail.storage.cassandra.CassandraSettings;
import org.hackablemail.storage.cassandra.CassandraStorage;
import org.hackablemail.spam.StorageOutages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

/**
 * The bundle's Guice module, named in James's {@code extensions.properties} as
 * {@code guice.extension.module=org.hackablemail.guice.HackableMailModule}. James builds one child injector from it
 * for all extension mailets, matchers, routes and health checks, so the singletons bound here are shared by them.
 */
public class HackableMailModule extends AbstractModule {
    private static final Logger LOGGER = LoggerFactory.getLogger(HackableMailModule.class);
    private static final int REFRESH_THREADS = 2;

    @Override
    protected void configure() {
        install(new VisibilityModule());
        bind(DataDirectory.class).in(Scopes.SINGLETON);
        bind(OwnerPlugins.class).in(Scopes.SINGLETON);
        bind(SpamFilter.class).in(Scopes.SINGLETON);
        // One snapshot per mail, shared by the spam tagger and the plugin mailet: one instance for all mailets.
        bind(MailSnapshots.class).in(Scopes.SINGLETON);
        bind(PluginWorkers.class).in(Scopes.SINGLETON);
        Multibinder<BundleComponent> components = Multibinder.newSetBinder(binder(), BundleComponent.class);
        components.addBinding().to(DataDirectory.class);
        components.addBinding().to(StorageHealth.class);
        components.addBinding().to(SpamFilter.class);
        components.addBinding().to(PluginWorkers.class);
    }

    @Provides
    @Singleton
    HackableMailConfiguration configuration(PropertiesProvider propertiesProvider, FileSystem fileSystem,
                                            ConfigurationPath configurationPath) throws ConfigurationException, FileNotFoundException {
        HackableMailConfiguration configuration =
            new HackableMailConfigurationLoader(propertiesProvider, fileSystem, configurationPath).load();
        // Read the bundle-wide keys now, so a bad value stops James at start rather than at the first mail.
        configuration.dataDirectory();
        PluginSettings.sandbox(configuration, configuration.dataDirectory());
        StorageConfiguration.backend(configuration);
        StorageConfiguration.settings(configuration);
        StorageConfiguration.refresh(configuration);
        BayesSettings.of(configuration);
        PluginSettings.senderVouching(configuration);
        PluginSettings.replyBudget(configuration);
        PluginSettings.circuitBreaker(configuration);
        return configuration;
    }

    @Provides
    @Singleton
    BayesSettings bayesSettings(HackableMailConfiguration configuration) {
        return BayesSettings.of(configuration);
    }

    /**
     * The Bayes filter's training: with {@code storage=cassandra}, the store every node shares; otherwise the
     * single-node store in {@code <data directory>/bayes}.
     */
    @Provides
    @Singleton
    BayesStore bayesStore(Storage storage, DataDirectory dataDirectory) {
        if (storage instanceof CassandraStorage cassandra) {
            return cassandra.bayes();
        }
        return new StorageOutages(LuceneBayesStore.open(dataDirectory.path().resolve(SpamFilter.STORE_DIRECTORY)));
    }

    @Provides
    @Singleton
    SandboxLimits limits(HackableMailConfiguration configuration) {
        return PluginSettings.limits(configuration);
    }

    /** The one place where the back-end is chosen ({@code storage}); the services only see the stores. */
    @Provides
    @Singleton
    Storage storage(HackableMailConfiguration configuration, DataDirectory dataDirectory,
                    PropertiesProvider propertiesProvider, FileSystem fileSystem, ConfigurationPath configurationPath)
            throws ConfigurationException, FileNotFoundException {
        StorageSettings settings = StorageConfiguration.settings(configuration);
        if (!StorageConfiguration.CASSANDRA.equals(StorageConfiguration.backend(configuration))) {
            return new FileSystemStorage(dataDirectory.path(), Clock.systemUTC(), settings);
        }
        CassandraSettings cassandra = CassandraConfiguration.settings(configuration,
            new HackableMailConfigurationLoader(propertiesProvider, fileSystem, configurationPath)
                .loadJamesFile(CassandraConfiguration.JAMES_FILE));
        LOGGER.info("Hackable Mail storage: Cassandra at {}, keyspace {}, tables {}* (from {})", cassandra.nodes(),
            cassandra.keyspace(), cassandra.tablePrefix(), cassandra.source());
        try {
            return CassandraStorage.open(cassandra, settings, StorageConfiguration.refresh(configuration), Clock.systemUTC());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to Cassandra", e);
        }
    }

    @Provides
    @Singleton
    SenderVouching senderVouching(HackableMailConfiguration configuration) {
        return PluginSettings.senderVouching(configuration);
    }

    @Provides
    @Singleton
    ReplyBudget replyBudget(HackableMailConfiguration configuration) {
        return PluginSettings.replyBudget(configuration);
    }

    @Provides
    @Singleton
    CircuitStore circuitStore(Storage storage) {
        return storage.circuits();
    }

    @Provides
    @Singleton
    CircuitBreaker circuitBreaker(CircuitStore store, HackableMailConfiguration configuration, RefreshPolicy refresh) {
        return new CircuitBreaker(store, PluginSettings.circuitBreaker(configuration), Clock.systemUTC(), refresh);
    }

    @Provides
    @Singleton
    PluginStore pluginStore(Storage storage) {
        return storage.plugins();
    }

    @Provides
    @Singleton
    VariableStore variableStore(Storage storage) {
        return storage.variables();
    }

    @Provides
    @Singleton
    GuestStore guestStore(Storage storage) {
        return storage.guests();
    }

    @Provides
    @Singleton
    AuditLog auditLog(Storage storage) {
        return storage.audit();
    }

    /** Cached entries older than {@code storage.refresh} are read again by a few background threads. */
    @Provides
    @Singleton
    RefreshPolicy refreshPolicy(HackableMailConfiguration configuration) {
        ExecutorService reloads = Executors.newFixedThreadPool(REFRESH_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "hackablemail-storage-refresh");
            thread.setDaemon(true);
            return thread;
        });
        return new RefreshPolicy(StorageConfiguration.refresh(configuration), Clock.systemUTC(), reloads);
    }

    @Provides
    @Singleton
    GuestAccess guestAccess(GuestStore guests, VariableStore variables, AuditLog audit, RefreshPolicy refresh,
                            HackableMailConfiguration configuration) {
        return new GuestAccess(guests, variables, audit, Clock.systemUTC(), refresh,
            configuration.value(GuestEndpoint.TOKEN_VALIDITY, "90 days", ValueParsers::positiveDuration));
    }

    @Provides
    @Singleton
    SimulationSuite simulationSuite(PluginSandbox host, SandboxLimits limits) {
        return new SimulationSuite(host, limits);
    }

    /** Plugins run in the sandbox worker processes, never in James's JVM. */
    @Provides
    @Singleton
    PluginSandbox pluginSandbox(PluginWorkers workers) {
        return workers.sandbox();
    }
}
