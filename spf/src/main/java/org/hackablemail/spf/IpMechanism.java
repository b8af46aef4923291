package org.hackablemail.spf;

/** {@code ip4} and {@code ip6} (RFC 7208 §5.6): no DNS, a client of the other family never matches. */
final class IpMechanism implements Mechanism {
    private final Network network;

    IpMechanism(Network network) {
        this.network = network;
    }

    @Override
    public boolean matches(Evaluation evaluation, String domain) {
        return network.contains(evaluation.clientIp());
    }
}
