package org.hackablemail.guice;

import java.io.FileNotFoundException;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.configuration.Configuration.ConfigurationPath;
import org.apache.james.utils.PropertiesProvider;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.config.HackableMailConfigurationLoader;
import org.hackablemail.health.BundleComponent;
import org.hackablemail.health.DataDirectory;

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
    @Override
    protected void configure() {
        bind(DataDirectory.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), BundleComponent.class)
            .addBinding().to(DataDirectory.class);
    }

    @Provides
    @Singleton
    HackableMailConfiguration configuration(PropertiesProvider propertiesProvider, FileSystem fileSystem,
                                            ConfigurationPath configurationPath) throws ConfigurationException, FileNotFoundException {
        HackableMailConfiguration configuration =
            new HackableMailConfigurationLoader(propertiesProvider, fileSystem, configurationPath).load();
        // Read the bundle-wide keys now, so a bad value stops James at start rather than at the first mail.
        configuration.dataDirectory();
        return configuration;
    }
}
