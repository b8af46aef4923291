package org.hackablemail.guice;

import java.io.FileNotFoundException;
import java.time.Clock;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.configuration.Configuration.ConfigurationPath;
import org.apache.james.utils.PropertiesProvider;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.config.HackableMailConfigurationLoader;
import org.hackablemail.core.guests.GuestAccess;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.core.store.AuditLog;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.fs.FileAuditLog;
import org.hackablemail.core.store.fs.FileSystemPluginStore;
import org.hackablemail.core.store.fs.FileSystemVarStore;
import org.hackablemail.health.BundleComponent;
import org.hackablemail.health.DataDirectory;
import org.hackablemail.plugin.host.HostWarmUp;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.PluginRejectedException;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.simulation.SimulationSuite;
import org.hackablemail.plugins.PluginSettings;
import org.hackablemail.spam.SpamFilter;

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

    @Override
    protected void configure() {
        bind(DataDirectory.class).in(Scopes.SINGLETON);
        bind(OwnerPlugins.class).in(Scopes.SINGLETON);
        bind(SpamFilter.class).in(Scopes.SINGLETON);
        Multibinder<BundleComponent> components = Multibinder.newSetBinder(binder(), BundleComponent.class);
        components.addBinding().to(DataDirectory.class);
        components.addBinding().to(SpamFilter.class);
    }

    @Provides
    @Singleton
    HackableMailConfiguration configuration(PropertiesProvider propertiesProvider, FileSystem fileSystem,
                                            ConfigurationPath configurationPath) throws ConfigurationException, FileNotFoundException {
        HackableMailConfiguration configuration =
            new HackableMailConfigurationLoader(propertiesProvider, fileSystem, configurationPath).load();
        // Read the bundle-wide keys now, so a bad value stops James at start rather than at the first mail.
        configuration.dataDirectory();
        limits(configuration);
        PluginSettings.capacity(configuration);
        return configuration;
    }

    @Provides
    @Singleton
    SandboxLimits limits(HackableMailConfiguration configuration) {
        return PluginSettings.limits(configuration);
    }

    @Provides
    @Singleton
    PluginStore pluginStore(DataDirectory dataDirectory) {
        return new FileSystemPluginStore(dataDirectory.path().resolve("plugins"), Clock.systemUTC());
    }

    @Provides
    @Singleton
    AuditLog auditLog(DataDirectory dataDirectory) {
        return new FileAuditLog(dataDirectory.path().resolve("audit").resolve("audit.jsonl"), Clock.systemUTC());
    }

    @Provides
    @Singleton
    GuestAccess guestAccess(DataDirectory dataDirectory, AuditLog audit) {
        return new GuestAccess(dataDirectory.path().resolve("guests").resolve("guests.json"), Clock.systemUTC(), audit);
    }

    @Provides
    @Singleton
    SimulationSuite simulationSuite(PluginHost host, SandboxLimits limits) {
        return new SimulationSuite(host, limits.maxInputBytes());
    }

    @Provides
    @Singleton
    PluginHost pluginHost(SandboxLimits limits, HackableMailConfiguration configuration, PluginStore store,
                          DataDirectory dataDirectory) {
        // Variables survive restarts: a vacation responder must remember whom it answered.
        PluginHost host = new PluginHost(limits, PluginSettings.capacity(configuration),
            new FileSystemVarStore(dataDirectory.path().resolve("plugin-vars")), store::read);
        warmUpInBackground(host);
        return host;
    }

    /** So that the first messages after a start do not spend their plugins' time budget on a cold JVM. */
    private static void warmUpInBackground(PluginHost host) {
        Thread warmUp = new Thread(() -> {
            try {
                int failures = HostWarmUp.run(host);
                LOGGER.info("Plugin host warmed up ({} failed calls)", failures);
            } catch (PluginRejectedException | RuntimeException e) {
                LOGGER.warn("Plugin host warm-up failed; the first plugin calls may be slow", e);
            }
        }, "hackablemail-plugin-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }
}
