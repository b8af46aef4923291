package org.hackablemail.plugin.sandbox;

import java.io.DataOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.hackablemail.plugin.sandbox.protocol.Frame;
import org.hackablemail.plugin.sandbox.protocol.FrameStream;
import org.hackablemail.plugin.sandbox.protocol.FrameType;

/**
 * A worker process that gets ready as a real one, then answers every call in a way the protocol does not allow, as a
 * worker taken over by a plugin might: the client must end it and go on, never hang or throw at its caller.
 */
final class BrokenWorker {
    enum Misdeed {
        /** A variable read whose payload is not a name. */
        GARBAGE_VARIABLE_READ,
        /** Starts the call again and again, never answering, as if to push its deadline back. */
        RESTARTS_FOREVER,
        /** A frame announcing more bytes than any frame may have. */
        HUGE_FRAME
    }

    private BrokenWorker() {
    }

    /** The command line of a worker process committing {@code misdeed} on every call. */
    static List<String> command(Misdeed misdeed) {
        try {
            String testClasses = Path.of(BrokenWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
                WorkerCommand.classPath() + File.pathSeparator + testClasses, BrokenWorker.class.getName(),
                misdeed.name());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Misdeed misdeed = Misdeed.valueOf(args[0]);
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        FrameStream frames = new FrameStream(new FileInputStream(FileDescriptor.in), out, 1 << 30);
        for (Optional<Frame> next = frames.read(); next.isPresent(); next = frames.read()) {
            Frame frame = next.get();
            switch (frame.type()) {
                case CONFIGURE -> frames.write(Frame.of(FrameType.READY, 0));
                case CALL -> misbehave(misdeed, frame.id(), frames, out);
                default -> {
                }
            }
        }
        Runtime.getRuntime().halt(0);
    }

    private static void misbehave(Misdeed misdeed, long id, FrameStream frames, FileOutputStream out)
        throws IOException, InterruptedException {
        frames.write(Frame.of(FrameType.STARTED, id));
        switch (misdeed) {
            case GARBAGE_VARIABLE_READ ->
                frames.write(new Frame(FrameType.READ_VARIABLE, id, new byte[] {0x7f, 0, 0, 0, 'x'}));
            case RESTARTS_FOREVER -> {
                while (true) {
                    Thread.sleep(100);
                    frames.write(Frame.of(FrameType.STARTED, id));
                }
            }
            case HUGE_FRAME -> {
                DataOutputStream data = new DataOutputStream(out);
                data.writeInt(Integer.MAX_VALUE);
                data.writeByte(FrameType.OUTCOME.code());
                data.writeLong(id);
                data.flush();
            }
            default -> throw new IllegalArgumentException(misdeed.name());
        }
    }
}
