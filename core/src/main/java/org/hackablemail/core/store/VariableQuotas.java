package org.hackablemail.core.store;

/**
 * How much each owner's plugin may keep in variables: {@code maxCount} variables, {@code maxBytes} of names and
 * values together. A commit that would go over either is refused whole; a commit that only shrinks what an owner
 * holds is always allowed, even above a quota that was lowered meanwhile.
 */
public record VariableQuotas(int maxCount, long maxBytes) {

    public VariableQuotas {
        if (maxCount < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("Variable quotas must be positive, not " + maxCount + " variables and "
                + maxBytes + " bytes");
        }
    }

    /**
     * @throws VariableQuotaExceededException when going from {@code before} to {@code after} grows past a quota
     */
    public void check(Usage before, Usage after) throws VariableQuotaExceededException {
        if (after.count() > maxCount && after.count() > before.count()) {
            throw new VariableQuotaExceededException("at most " + maxCount + " variables, this call would keep "
                + after.count());
        }
        if (after.bytes() > maxBytes && after.bytes() > before.bytes()) {
            throw new VariableQuotaExceededException("at most " + maxBytes + " bytes of variables, this call would "
                + "keep " + after.bytes());
        }
    }

    /** What an owner's variables take: how many, and the bytes of their UTF-8 names and values. */
    public record Usage(int count, long bytes) {
        public static final Usage NONE = new Usage(0, 0);
    }
}
