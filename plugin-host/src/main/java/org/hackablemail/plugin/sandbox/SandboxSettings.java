package org.hackablemail.plugin.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.hackablemail.plugin.host.HostCapacity;
import org.hackablemail.plugin.host.SandboxLimits;

/**
 * How the sandbox client runs its workers.
 *
 * @param limits what one plugin may use (enforced in the workers)
 * @param workerCapacity what each worker's host keeps warm (compiled code in memory, idle instances)
 * @param mailWorkers worker processes that run mail; owners are spread over them by a hash of their address
 * @param callsPerWorker calls one mail worker runs at once
 * @param callsPerOwner calls one owner may have running at once
 * @param workerHeapBytes each worker's fixed heap ({@code -Xmx})
 * @param workerMetaspaceBytes each worker's class metadata cap (compiled plugins live there)
 * @param spareWorkers workers kept started and warmed up, to replace one that dies at once
 * @param killGrace how long past its timeout a call (or a compilation) may go before its worker is killed
 * @param queueWait how long a call may wait for a place on a worker before it is deferred
 * @param startTimeout how long a worker may take to start and warm up
 * @param ownerCpuPerMinute plugin CPU time one owner may use per minute, on average; beyond, calls are deferred
 * @param guestTimePerHour worker time one owner's pushes and tests may take per hour; beyond, they are refused
 * @param quarantine how long an owner whose plugin got its worker killed has its calls run alone
 * @param codeDirectory where compiled plugins are kept on disk
 * @param diskCodeBytes what they may take there
 */
public record SandboxSettings(
        SandboxLimits limits,
        HostCapacity workerCapacity,
        int mailWorkers,
        int callsPerWorker,
        int callsPerOwner,
        long workerHeapBytes,
        long workerMetaspaceBytes,
        int spareWorkers,
        Duration killGrace,
        Duration queueWait,
        Duration startTimeout,
        Duration ownerCpuPerMinute,
        Duration guestTimePerHour,
        Duration quarantine,
        Path codeDirectory,
        long diskCodeBytes) {
    private static final long MIB = 1024 * 1024;

    public SandboxSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(workerCapacity, "workerCapacity");
        Objects.requireNonNull(codeDirectory, "codeDirectory");
        if (mailWorkers < 1 || callsPerWorker < 1 || callsPerOwner < 1 || spareWorkers < 0 || workerHeapBytes < 16 * MIB
            || workerMetaspaceBytes < 16 * MIB || diskCodeBytes < 1 || killGrace.isNegative()
            || queueWait.isNegative() || !positive(startTimeout) || !positive(ownerCpuPerMinute)
            || !positive(guestTimePerHour) || quarantine.isNegative()) {
            throw new IllegalArgumentException("Invalid sandbox settings: " + this);
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    /** The defaults, with compiled code kept under {@code codeDirectory}. */
    public static Builder builder(Path codeDirectory) {
        return new Builder(codeDirectory);
    }

    /** Two mail workers on a machine of up to four cores, a quarter of the cores beyond, at most eight. */
    static int defaultMailWorkers() {
        return Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() / 4));
    }

    public static final class Builder {
        private final Path codeDirectory;
        private SandboxLimits limits = SandboxLimits.defaults();
        private HostCapacity workerCapacity = HostCapacity.defaults();
        private int mailWorkers = defaultMailWorkers();
        private int callsPerWorker = 4;
        private int callsPerOwner = 2;
        private long workerHeapBytes = 256 * MIB;
        private long workerMetaspaceBytes = 256 * MIB;
        private int spareWorkers = 1;
        private Duration killGrace = Duration.ofMillis(500);
        private Duration queueWait = Duration.ofSeconds(5);
        private Duration startTimeout = Duration.ofSeconds(120);
        private Duration ownerCpuPerMinute = Duration.ofSeconds(30);
        private Duration guestTimePerHour = Duration.ofMinutes(5);
        private Duration quarantine = Duration.ofMinutes(10);
        private long diskCodeBytes = 1024 * MIB;

        private Builder(Path codeDirectory) {
            this.codeDirectory = codeDirectory;
        }

        public Builder limits(SandboxLimits value) {
            this.limits = value;
            return this;
        }

        public Builder workerCapacity(HostCapacity value) {
            this.workerCapacity = value;
            return this;
        }

        public Builder mailWorkers(int value) {
            this.mailWorkers = value;
            return this;
        }

        public Builder callsPerWorker(int value) {
            this.callsPerWorker = value;
            return this;
        }

        public Builder callsPerOwner(int value) {
            this.callsPerOwner = value;
            return this;
        }

        public Builder workerHeapBytes(long value) {
            this.workerHeapBytes = value;
            return this;
        }

        public Builder workerMetaspaceBytes(long value) {
            this.workerMetaspaceBytes = value;
            return this;
        }

        public Builder spareWorkers(int value) {
            this.spareWorkers = value;
            return this;
        }

        public Builder killGrace(Duration value) {
            this.killGrace = value;
            return this;
        }

        public Builder queueWait(Duration value) {
            this.queueWait = value;
            return this;
        }

        public Builder startTimeout(Duration value) {
            this.startTimeout = value;
            return this;
        }

        public Builder ownerCpuPerMinute(Duration value) {
            this.ownerCpuPerMinute = value;
            return this;
        }

        public Builder guestTimePerHour(Duration value) {
            this.guestTimePerHour = value;
            return this;
        }

        public Builder quarantine(Duration value) {
            this.quarantine = value;
            return this;
        }

        public Builder diskCodeBytes(long value) {
            this.diskCodeBytes = value;
            return this;
        }

        public SandboxSettings build() {
            return new SandboxSettings(limits, workerCapacity, mailWorkers, callsPerWorker, callsPerOwner,
                workerHeapBytes, workerMetaspaceBytes, spareWorkers, killGrace, queueWait, startTimeout,
                ownerCpuPerMinute, guestTimePerHour, quarantine, codeDirectory, diskCodeBytes);
        }
    }
}
