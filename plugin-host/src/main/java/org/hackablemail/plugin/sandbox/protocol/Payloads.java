package org.hackablemail.plugin.sandbox.protocol;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.email.EmailJson;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.ReplyEmail;
import org.hackablemail.plugin.host.EmailCall;
import org.hackablemail.plugin.host.LogEntry;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.SimulatedCall;
import org.hackablemail.plugin.host.PluginFailure;

/** The payloads of the frames, each written by one side and read by the other, both from this one class. */
public final class Payloads {
    /** Room for what travels beside a call's input: digest, owner, flags and a usual configuration. */
    private static final int ENVELOPE_BYTES = 1024;

    private Payloads() {
    }

    /** A plugin and the call to run it with ({@link FrameType#CALL}, {@link FrameType#SIMULATE}). */
    public record CallRequest(PluginDigest plugin, EmailCall call) {
    }

    /** A module to validate and compile ({@link FrameType#INSTALL}). */
    public record InstallRequest(byte[] wasm, boolean persist) {
    }

    /** The answer to {@link FrameType#READ_VARIABLE}: the value, or why it could not be read. */
    public record VariableAnswer(Optional<byte[]> value, Optional<String> error) {
    }

    /** Why a module was not installed ({@link FrameType#REJECTED}). */
    public enum Rejection {
        /** The module is not a valid plugin: the message says why. */
        INVALID,
        /** Its compilation ran past the compile timeout; the worker ends itself. */
        OVERRUN,
        /** The worker could not do it: not the module's fault. */
        HOST_ERROR
    }

    public record Rejected(Rejection kind, String message) {
    }

    /** Sized for the input (up to a MiB on every call): it is copied once into the payload, which never regrows. */
    public static byte[] callRequest(CallRequest request) {
        EmailCall call = request.call();
        return new PayloadWriter(call.input().length + ENVELOPE_BYTES).text(request.plugin().hex()).text(call.owner())
            .bytes(call.input()).texts(call.config()).bool(call.replyAllowed()).bool(call.deliverAllowed()).toBytes();
    }

    public static CallRequest callRequest(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        PluginDigest plugin = new PluginDigest(in.text());
        EmailCall call = new EmailCall(in.text(), in.bytes(), in.texts(), in.bool(), in.bool());
        in.end();
        return new CallRequest(plugin, call);
    }

    public static byte[] installRequest(InstallRequest request) {
        return new PayloadWriter().bytes(request.wasm()).bool(request.persist()).toBytes();
    }

    public static InstallRequest installRequest(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        InstallRequest request = new InstallRequest(in.bytes(), in.bool());
        in.end();
        return request;
    }

    public static byte[] variableName(String name) {
        return new PayloadWriter().text(name).toBytes();
    }

    public static String variableName(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        String name = in.text();
        in.end();
        return name;
    }

    public static byte[] variableAnswer(VariableAnswer answer) {
        return new PayloadWriter().optionalBytes(answer.value()).optionalText(answer.error()).toBytes();
    }

    public static VariableAnswer variableAnswer(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        VariableAnswer answer = new VariableAnswer(in.optionalBytes(), in.optionalText());
        in.end();
        return answer;
    }

    public static byte[] installed(PluginDigest digest) {
        return new PayloadWriter().text(digest.hex()).toBytes();
    }

    public static PluginDigest installed(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        PluginDigest digest = new PluginDigest(in.text());
        in.end();
        return digest;
    }

    public static byte[] rejected(Rejected rejected) {
        return new PayloadWriter().text(rejected.kind().name()).text(rejected.message()).toBytes();
    }

    public static Rejected rejected(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        Rejected rejected = new Rejected(enumValue(Rejection.class, in.text()), in.text());
        in.end();
        return rejected;
    }

    /** A delivery travels as the JSON the plugin passed (validated by the worker), and is parsed again here. */
    public static byte[] outcome(Outcome outcome) {
        PayloadWriter out = new PayloadWriter().bool(outcome.succeeded());
        if (outcome.succeeded()) {
            out.int32(outcome.resultCode());
        } else {
            PluginFailure failure = outcome.failure().orElseThrow();
            out.text(failure.reason().name()).text(failure.message());
        }
        Outcome.Effects effects = outcome.effects();
        out.optionalBytes(effects.deliveredJson());
        out.optionalText(effects.reply().map(ReplyEmail::subject)).optionalText(effects.reply().map(ReplyEmail::body));
        out.int32(effects.variableWrites().size());
        effects.variableWrites().forEach((name, value) -> out.text(name).optionalBytes(value));
        out.int32(outcome.logs().size());
        outcome.logs().forEach(log -> out.text(log.level().name()).text(log.message()));
        return out.int64(outcome.cpuTime().toNanos()).toBytes();
    }

    /** A simulation's answer: the measured call's time, then its outcome. */
    public static byte[] simulated(SimulatedCall simulated) {
        byte[] outcome = outcome(simulated.outcome());
        return new PayloadWriter().int64(simulated.time().toNanos()).bytes(outcome).toBytes();
    }

    public static SimulatedCall simulated(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        Duration time = Duration.ofNanos(in.int64());
        byte[] outcome = in.bytes();
        in.end();
        return new SimulatedCall(outcome(outcome), time);
    }

    public static Outcome outcome(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        boolean succeeded = in.bool();
        int resultCode = succeeded ? in.int32() : 0;
        PluginFailure failure = succeeded ? null
            : new PluginFailure(enumValue(PluginFailure.Reason.class, in.text()), in.text());
        Optional<byte[]> deliveredJson = in.optionalBytes();
        Optional<String> replySubject = in.optionalText();
        Optional<String> replyBody = in.optionalText();
        Map<String, Optional<byte[]>> writes = new LinkedHashMap<>();
        for (int count = in.count(), i = 0; i < count; i++) {
            writes.put(in.text(), in.optionalBytes());
        }
        List<LogEntry> logs = new ArrayList<>();
        for (int count = in.count(), i = 0; i < count; i++) {
            logs.add(new LogEntry(enumValue(LogEntry.Level.class, in.text()), in.text()));
        }
        Duration cpu = Duration.ofNanos(in.int64());
        in.end();
        if (!succeeded) {
            return Outcome.failed(failure, logs, cpu);
        }
        Optional<ReplyEmail> reply = replyBody.map(body -> new ReplyEmail(replySubject.orElse(null), body));
        return Outcome.returned(resultCode, new Outcome.Effects(deliveredJson.map(Payloads::email), deliveredJson,
            reply, writes), logs, cpu);
    }

    private static IncomingEmail email(byte[] json) {
        try {
            return EmailJson.incomingEmail(json);
        } catch (IOException e) {
            throw new ProtocolException("A delivery the worker accepted is not an IncomingEmail", e);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("No " + type.getSimpleName() + " " + name, e);
        }
    }
}
