package org.hackablemail.plugin.sandbox.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.CompileOverrunException;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.PluginRejectedException;
import org.hackablemail.plugin.host.VariableReader;
import org.hackablemail.plugin.sandbox.protocol.Frame;
import org.hackablemail.plugin.sandbox.protocol.FrameStream;
import org.hackablemail.plugin.sandbox.protocol.FrameType;
import org.hackablemail.plugin.sandbox.protocol.Payloads;
import org.hackablemail.plugin.sandbox.protocol.ProtocolException;

/**
 * Serves the client's requests with the worker's host, each on a thread of its own: calls and simulations, whose
 * variables are read from the client as the plugin asks for them, and installations. A compilation that overran its
 * budget cannot be stopped: the worker answers, then ends itself, leaving the client to start another.
 */
final class WorkerServer {
    private final PluginHost host;
    private final FrameStream frames;
    private final ExecutorService requests;
    private final Map<Long, CompletableFuture<Payloads.VariableAnswer>> variableReads = new ConcurrentHashMap<>();

    /** @param stackBytes the stack of the threads that serve requests: plugins run on them */
    WorkerServer(PluginHost host, FrameStream frames, long stackBytes) {
        this.host = host;
        this.frames = frames;
        this.requests = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(null, task, "hackablemail-worker-request", stackBytes);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Until the client closes the connection. */
    void serve() throws IOException {
        for (Optional<Frame> next = frames.read(); next.isPresent(); next = frames.read()) {
            Frame frame = next.get();
            switch (frame.type()) {
                case CALL, SIMULATE -> requests.execute(() -> call(frame));
                case INSTALL -> requests.execute(() -> install(frame));
                case VARIABLE -> answer(frame);
                default -> throw new ProtocolException("A worker does not take " + frame.type());
            }
        }
    }

    private void call(Frame frame) {
        Payloads.CallRequest request = Payloads.callRequest(frame.payload());
        Runnable started = () -> send(Frame.of(FrameType.STARTED, frame.id()));
        if (frame.type() == FrameType.SIMULATE) {
            send(new Frame(FrameType.SIMULATED, frame.id(),
                Payloads.simulated(host.simulate(request.plugin(), request.call(), started))));
            return;
        }
        Outcome outcome = host.onEmail(request.plugin(), request.call(), variablesFromClient(frame.id()), started);
        send(new Frame(FrameType.OUTCOME, frame.id(), Payloads.outcome(outcome)));
    }

    private void install(Frame frame) {
        Payloads.InstallRequest request = Payloads.installRequest(frame.payload());
        send(Frame.of(FrameType.STARTED, frame.id()));
        try {
            PluginDigest digest = host.install(request.wasm(), request.persist());
            send(new Frame(FrameType.INSTALLED, frame.id(), Payloads.installed(digest)));
        } catch (CompileOverrunException e) {
            reject(frame, Payloads.Rejection.OVERRUN, e.getMessage());
            Runtime.getRuntime().halt(3); // the compiler thread runs on; only the process's end stops it
        } catch (PluginRejectedException e) {
            reject(frame, Payloads.Rejection.INVALID, e.getMessage());
        } catch (RuntimeException e) {
            reject(frame, Payloads.Rejection.HOST_ERROR, String.valueOf(e));
        }
    }

    private void reject(Frame frame, Payloads.Rejection kind, String message) {
        send(new Frame(FrameType.REJECTED, frame.id(), Payloads.rejected(new Payloads.Rejected(kind, message))));
    }

    /** Each read asks the client and waits for its answer; the call's timeout interrupts the wait. */
    private VariableReader variablesFromClient(long callId) {
        return name -> {
            CompletableFuture<Payloads.VariableAnswer> answer = new CompletableFuture<>();
            variableReads.put(callId, answer);
            try {
                send(new Frame(FrameType.READ_VARIABLE, callId, Payloads.variableName(name)));
                Payloads.VariableAnswer read = answer.get();
                if (read.error().isPresent()) {
                    throw new VariablesUnavailable(read.error().get());
                }
                return read.value();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VariablesUnavailable("interrupted while reading variable '" + name + "'");
            } catch (ExecutionException e) {
                throw new VariablesUnavailable(String.valueOf(e.getCause()));
            } finally {
                variableReads.remove(callId);
            }
        };
    }

    private void answer(Frame frame) {
        CompletableFuture<Payloads.VariableAnswer> waiting = variableReads.get(frame.id());
        if (waiting != null) {
            waiting.complete(Payloads.variableAnswer(frame.payload()));
        }
    }

    private void send(Frame frame) {
        try {
            frames.write(frame);
        } catch (IOException e) {
            throw new UncheckedIOException("The client is gone", e);
        }
    }

    /** The client could not read a variable (the host reports it as its own fault, not the plugin's). */
    static final class VariablesUnavailable extends RuntimeException {
        VariablesUnavailable(String message) {
            super(message);
        }
    }
}
