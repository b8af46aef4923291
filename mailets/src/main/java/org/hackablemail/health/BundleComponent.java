package org.hackablemail.health;

/**
 * A part of the bundle that reports its health to {@code GET /hackable/status} and James's {@code /healthcheck}.
 * Components are registered with a Guice {@code Multibinder} in {@code HackableMailModule}.
 */
public interface BundleComponent {
    String name();

    /** Must not throw: a failure to check is itself an unhealthy result. */
    ComponentHealth health();
}
