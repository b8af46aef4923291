package org.hackablemail.health;

/** Whether a bundle component can do its job, and a short human-readable detail either way. */
public record ComponentHealth(boolean healthy, String detail) {
    public static ComponentHealth healthy(String detail) {
        return new ComponentHealth(true, detail);
    }

    public static ComponentHealth unhealthy(String detail) {
        return new ComponentHealth(false, detail);
    }
}
