package org.hackablemail.plugin.sandbox.protocol;

/** What a frame carries, one byte on the wire. Requests go from the client to a worker, answers back. */
public enum FrameType {
    /** Client: the worker's limits, capacity and code cache; always the first frame. */
    CONFIGURE(1),
    /** Client: run a plugin's {@code onEmail} on one message. */
    CALL(2),
    /** Client: run a rehearsal call (a simulation). */
    SIMULATE(3),
    /** Client: validate and compile a module. */
    INSTALL(4),
    /** Client: the value of a variable a call asked for. */
    VARIABLE(5),
    /** Worker: warmed up, ready for requests. */
    READY(64),
    /** Worker: the plugin's run (or the compilation) of a request starts now; its timeout counts from here. */
    STARTED(65),
    /** Worker: a call asks for the value of a variable. */
    READ_VARIABLE(66),
    /** Worker: the outcome of a call. */
    OUTCOME(67),
    /** Worker: a module was installed, under its digest. */
    INSTALLED(68),
    /** Worker: a module was refused, or could not be installed. */
    REJECTED(69),
    /** Worker: the outcome of a simulation, and the time its measured call took. */
    SIMULATED(70);

    private final byte code;

    FrameType(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public static FrameType of(byte code) {
        for (FrameType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new ProtocolException("Unknown frame type " + code);
    }
}
