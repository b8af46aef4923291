package org.hackablemail.spf;

import java.util.Optional;

/** {@code a} (RFC 7208 §5.3): the client is one of the target's addresses. */
final class AMechanism extends DnsMechanism {
    private final DualCidr cidr;

    AMechanism(Optional<DomainSpec> target, DualCidr cidr) {
        super(target);
        this.cidr = cidr;
    }

    @Override
    boolean matchesTarget(Evaluation evaluation, String name) throws SpfErrorException {
        return evaluation.countVoid(evaluation.clientFamilyAddresses(name)).stream()
            .anyMatch(address -> cidr.contains(address, evaluation.clientIp()));
    }
}
