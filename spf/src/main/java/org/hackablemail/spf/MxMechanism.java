package org.hackablemail.spf;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** {@code mx} (RFC 7208 §5.4): the client is an address of one of the target's mail exchangers. */
final class MxMechanism extends DnsMechanism {
    /** §4.6.4: more exchangers than this is a permerror, so one mx cannot cause a flood of address queries. */
    private static final int MAX_EXCHANGES = 10;

    private final DualCidr cidr;

    MxMechanism(Optional<DomainSpec> target, DualCidr cidr) {
        super(target);
        this.cidr = cidr;
    }

    @Override
    boolean matchesTarget(Evaluation evaluation, String name) throws SpfErrorException {
        List<String> exchanges = evaluation.countVoid(evaluation.lookup(dns -> dns.mx(name), "MX " + name));
        if (exchanges.size() > MAX_EXCHANGES) {
            throw SpfErrorException.permError(name + " has more than " + MAX_EXCHANGES + " MX records");
        }
        for (String exchange : exchanges) {
            List<InetAddress> addresses = evaluation.clientFamilyAddresses(DomainNames.withoutTrailingDot(exchange));
            if (addresses.stream().anyMatch(address -> cidr.contains(address, evaluation.clientIp()))) {
                return true;
            }
        }
        return false;
    }
}
