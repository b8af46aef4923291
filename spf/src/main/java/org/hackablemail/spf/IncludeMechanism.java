package org.hackablemail.spf;

/** {@code include} (RFC 7208 §5.2): matches when the included domain's policy passes. */
final class IncludeMechanism implements Mechanism {
    private final DomainSpec target;

    IncludeMechanism(DomainSpec target) {
        this.target = target;
    }

    @Override
    public boolean matches(Evaluation evaluation, String domain) throws SpfErrorException {
        evaluation.countDnsMechanism();
        String included = target.expand(evaluation.macroValues(domain))
            .orElseThrow(() -> SpfErrorException.permError("include of an invalid domain '" + target + "'"));
        Evaluation.Outcome outcome = evaluation.checkHost(included);
        if (outcome.result() == SpfResult.NONE) {
            throw SpfErrorException.permError("included domain " + included + " has no SPF record");
        }
        return outcome.result() == SpfResult.PASS;
    }
}
