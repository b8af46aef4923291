package org.hackablemail.plugins;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.health.BundleComponent;
import org.hackablemail.health.ComponentHealth;
import org.hackablemail.health.DataDirectory;
import org.hackablemail.metrics.BundleMetrics;
import org.hackablemail.plugin.host.PluginSandbox;
import org.hackablemail.plugin.sandbox.SandboxClient;
import org.hackablemail.plugin.sandbox.SandboxSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox worker processes that compile and run the plugins: James never runs plugin code itself. Started with the
 * bundle (James waits for them, at most {@code sandbox.worker.start.timeout}, so that the first messages find them
 * warm instead of being deferred by a whole retry delay; a worker slower than that is killed and started again),
 * stopped with James; their standard error goes to James's log. Their health is on {@code /hackable/status}.
 */
@Singleton
public class PluginWorkers implements BundleComponent {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.hackablemail.sandbox");
    /** Compiled plugins on disk, under the data directory. */
    static final String CODE_DIRECTORY = "plugin-code";
    private final SandboxClient client;

    @Inject
    public PluginWorkers(HackableMailConfiguration configuration, DataDirectory dataDirectory, PluginStore store,
                         BundleMetrics metrics) {
        SandboxSettings settings = PluginSettings.sandbox(configuration,
            dataDirectory.path().resolve(CODE_DIRECTORY));
        this.client = new SandboxClient(settings, store::module, LOGGER::info);
        registerGauges(metrics);
        awaitReady(settings.startTimeout());
    }

    /** The sandbox's figures as James's gauges (docs/metrics.md): all owners together, never per owner. */
    private void registerGauges(BundleMetrics metrics) {
        metrics.gauge("hackablemail.sandbox.calls_waiting", () -> client.stats().callsWaiting());
        metrics.gauge("hackablemail.sandbox.workers_killed", () -> client.stats().workersKilled());
        metrics.gauge("hackablemail.sandbox.workers_started", () -> client.stats().workersStarted());
        metrics.gauge("hackablemail.sandbox.code_cache_hits",
            () -> client.stats().mailCalls() - client.stats().callsWithoutCode());
        metrics.gauge("hackablemail.sandbox.code_cache_misses", () -> client.stats().callsWithoutCode());
    }

    public PluginSandbox sandbox() {
        return client;
    }

    @Override
    public String name() {
        return "plugin sandbox";
    }

    @Override
    public ComponentHealth health() {
        List<SandboxClient.WorkerStatus> workers = client.workers();
        String detail = workers.stream()
            .map(worker -> worker.lane() + " pid " + worker.pid()
                + worker.residentBytes().map(bytes -> ", " + bytes / (1024 * 1024) + " MiB").orElse(""))
            .collect(Collectors.joining("; ", workers.size() + " workers (", ")"));
        return workers.isEmpty() ? ComponentHealth.unhealthy("no sandbox worker is running") : ComponentHealth.healthy(detail);
    }

    @PreDestroy
    public void close() {
        client.close();
    }

    private void awaitReady(Duration maxWait) {
        try {
            if (client.awaitReady(maxWait)) {
                LOGGER.info("Plugin sandbox ready: {}", health().detail());
            } else {
                LOGGER.warn("Plugin sandbox workers not ready after {} s; plugin calls wait for them or are deferred",
                    maxWait.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
