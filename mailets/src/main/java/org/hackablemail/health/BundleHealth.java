package org.hackablemail.health;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

/** The health of every registered bundle component, checked now. */
public class BundleHealth {
    /** One component's result under its name. */
    public record Check(String name, boolean healthy, String detail) {
    }

    private final Set<BundleComponent> components;

    @Inject
    public BundleHealth(Set<BundleComponent> components) {
        this.components = components;
    }

    public List<Check> check() {
        return components.stream()
            .map(component -> {
                ComponentHealth health = component.health();
                return new Check(component.name(), health.healthy(), health.detail());
            })
            .sorted(Comparator.comparing(Check::name))
            .toList();
    }
}
