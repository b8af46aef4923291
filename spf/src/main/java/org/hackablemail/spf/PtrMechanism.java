package org.hackablemail.spf;

import java.util.Optional;

/** {@code ptr} (RFC 7208 §5.5): a validated reverse name of the client is the target or below it. */
final class PtrMechanism extends DnsMechanism {

    PtrMechanism(Optional<DomainSpec> target) {
        super(target);
    }

    @Override
    boolean matchesTarget(Evaluation evaluation, String name) throws SpfErrorException {
        return evaluation.validatedNames(evaluation.countVoid(evaluation.clientPtrNames())).stream()
            .anyMatch(validated -> DomainNames.isWithin(validated, name));
    }
}
