package org.hackablemail.spf;

import java.util.Optional;

/**
 * A mechanism that queries DNS about a target name: it counts towards the limit of ten (RFC 7208 §4.6.4), and
 * a target that does not expand to a valid domain name matches nothing.
 */
abstract class DnsMechanism implements Mechanism {
    private final Optional<DomainSpec> target;

    /** @param target the domain-spec, or empty for the current domain */
    DnsMechanism(Optional<DomainSpec> target) {
        this.target = target;
    }

    @Override
    public final boolean matches(Evaluation evaluation, String domain) throws SpfErrorException {
        evaluation.countDnsMechanism();
        Optional<String> name = evaluation.target(target, domain);
        return name.isPresent() && matchesTarget(evaluation, name.get());
    }

    abstract boolean matchesTarget(Evaluation evaluation, String name) throws SpfErrorException;
}
