package org.hackablemail.health;

import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.healthcheck.ComponentName;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.core.healthcheck.Result;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Contributes the bundle to James's {@code GET /healthcheck}: listed in {@code healthcheck.properties} as
 * {@code additional.healthchecks=org.hackablemail.health.HackableMailHealthCheck}.
 */
public class HackableMailHealthCheck implements HealthCheck {
    public static final ComponentName COMPONENT_NAME = new ComponentName("Hackable Mail");

    private final BundleHealth bundleHealth;

    @Inject
    public HackableMailHealthCheck(BundleHealth bundleHealth) {
        this.bundleHealth = bundleHealth;
    }

    @Override
    public ComponentName componentName() {
        return COMPONENT_NAME;
    }

    @Override
    public Publisher<Result> check() {
        // Component checks may touch the disk: keep them off James's reactive threads.
        return Mono.fromCallable(this::checkNow)
            .subscribeOn(Schedulers.boundedElastic());
    }

    private Result checkNow() {
        List<BundleHealth.Check> failing = bundleHealth.check().stream()
            .filter(check -> !check.healthy())
            .toList();
        if (failing.isEmpty()) {
            return Result.healthy(COMPONENT_NAME);
        }
        return Result.unhealthy(COMPONENT_NAME, failing.stream()
            .map(check -> check.name() + ": " + check.detail())
            .collect(Collectors.joining("; ")));
    }
}
