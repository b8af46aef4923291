package org.hackablemail.spf;

import java.util.Optional;

/** {@code exists} (RFC 7208 §5.7): the target has an A record, whatever the client's family. */
final class ExistsMechanism extends DnsMechanism {

    ExistsMechanism(DomainSpec target) {
        super(Optional.of(target));
    }

    @Override
    boolean matchesTarget(Evaluation evaluation, String name) throws SpfErrorException {
        return !evaluation.countVoid(evaluation.lookup(dns -> dns.a(name), "A " + name)).isEmpty();
    }
}
