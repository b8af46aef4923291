package org.hackablemail.plugin.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.hackablemail.plugin.sandbox.protocol.Frame;
import org.hackablemail.plugin.sandbox.protocol.FrameStream;
import org.hackablemail.plugin.sandbox.protocol.FrameType;
import org.hackablemail.plugin.sandbox.protocol.WorkerConfig;

/**
 * One running worker process and the connection to it: requests go out as frames on its standard input; a reader
 * thread hands what comes back on its standard output to the {@link Exchange} of the request it is about, and its
 * standard error, line by line, to the log. When the process ends, every open exchange learns it.
 */
final class WorkerProcess {
    /** Larger than any frame a worker sends: an outcome carries at most a delivery of a few MiB, logs and writes. */
    private static final int MAX_FRAME_BYTES = 128 * 1024 * 1024;
    private static final int MAX_LOG_LINE = 4096;

    private final String name;
    private final Process process;
    private final FrameStream frames;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Exchange> exchanges = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Death> death = new CompletableFuture<>();
    private volatile Death killed;

    private WorkerProcess(String name, Process process) {
        this.name = name + " (pid " + process.pid() + ")";
        this.process = process;
        this.frames = new FrameStream(process.getInputStream(), process.getOutputStream(), MAX_FRAME_BYTES);
    }

    /**
     * Starts a worker and waits until it is configured and warmed up.
     *
     * @throws IOException when it cannot be started, or is not ready within {@code startTimeout} (it is killed)
     */
    static WorkerProcess start(String name, List<String> command, WorkerConfig config, Duration startTimeout,
                               Consumer<String> log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        // Nothing of James's environment (credentials, tool options) reaches the process that runs plugins.
        builder.environment().clear();
        Process process = builder.start();
        WorkerProcess worker = new WorkerProcess(name, process);
        worker.daemon("log", () -> worker.forwardLog(log));
        worker.daemon("reader", worker::readFrames);
        try {
            worker.frames.write(new Frame(FrameType.CONFIGURE, 0, config.encode()));
            worker.ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return worker;
        } catch (TimeoutException e) {
            worker.kill("not ready within " + startTimeout.toMillis() + " ms");
            throw new IOException(worker.name + " was not ready within " + startTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            worker.kill("it failed to start");
            throw new IOException(worker.name + " failed to start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            worker.kill("interrupted while starting");
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting " + worker.name, e);
        } catch (IOException e) {
            worker.kill("it could not be configured");
            throw e;
        }
    }

    /**
     * Sends a request; its answers, or the worker's death, arrive in the returned exchange.
     *
     * @param allowed how long the request may run once started: its timeout plus the grace
     */
    Exchange open(FrameType type, byte[] payload, Duration allowed) {
        Exchange exchange = new Exchange(ids.incrementAndGet(), this, allowed);
        exchanges.put(exchange.id(), exchange);
        Death dead = death.getNow(null);
        if (dead != null) {
            exchange.deliver(new Exchange.Died(dead));
            return exchange;
        }
        send(new Frame(type, exchange.id(), payload));
        return exchange;
    }

    /** A write that fails means the worker is gone: its reader thread reports the death to every exchange. */
    void send(Frame frame) {
        try {
            frames.write(frame);
        } catch (IOException e) {
            kill("its standard input is closed (" + e.getMessage() + ")");
        }
    }

    void forget(Exchange exchange) {
        exchanges.remove(exchange.id());
    }

    /** Requests sent and not yet answered or given up on. */
    int inFlight() {
        return exchanges.size();
    }

    Collection<Exchange> exchanges() {
        return exchanges.values();
    }

    /** Kills the process at once; the first reason given is the one reported. */
    void kill(String reason) {
        if (killed == null) {
            killed = Death.killed(reason);
        }
        process.destroyForcibly();
    }

    /** False from the moment it is killed: a dying worker must not be given requests. */
    boolean alive() {
        return killed == null && !death.isDone() && process.isAlive();
    }

    CompletableFuture<Death> death() {
        return death;
    }

    long pid() {
        return process.pid();
    }

    /** The resident memory of the process, where the operating system tells it ({@code /proc}); else empty. */
    Optional<Long> residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            // Not Linux, or the process is gone.
        }
        return Optional.empty();
    }

    String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Closes its standard input: a worker ends when it reads the end of it. */
    void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // It is gone already.
        }
    }

    private void readFrames() {
        try {
            for (Optional<Frame> next = frames.read(); next.isPresent(); next = frames.read()) {
                Frame frame = next.get();
                if (frame.type() == FrameType.READY) {
                    ready.complete(null);
                    continue;
                }
                Exchange exchange = exchanges.get(frame.id());
                if (exchange == null) {
                    continue;
                }
                if (frame.type() == FrameType.STARTED) {
                    exchange.started(System.nanoTime()); // the watchdog minds the deadline: no need to wake the caller
                } else {
                    exchange.deliver(new Exchange.Received(frame));
                }
            }
        } catch (IOException | RuntimeException e) {
            kill("its output could not be read (" + e.getMessage() + ")");
        }
        process.destroyForcibly();
        Death dead = killed != null ? killed : Death.exited(exitCode());
        ready.completeExceptionally(new IOException(dead.cause()));
        death.complete(dead);
        for (Exchange exchange : exchanges.values()) {
            exchange.deliver(new Exchange.Died(dead));
        }
    }

    private int exitCode() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void forwardLog(Consumer<String> log) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
            StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                log.accept(name + ": " + (line.length() > MAX_LOG_LINE ? line.substring(0, MAX_LOG_LINE) + "..." : line));
            }
        } catch (IOException e) {
            // The process is gone.
        }
    }

    private void daemon(String role, Runnable task) {
        Thread thread = new Thread(task, "hackablemail-" + name + "-" + role);
        thread.setDaemon(true);
        thread.start();
    }
}
