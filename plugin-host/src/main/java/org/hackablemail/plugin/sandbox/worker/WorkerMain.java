package org.hackablemail.plugin.sandbox.worker;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;

import org.hackablemail.plugin.host.DiskCodeCache;
import org.hackablemail.plugin.host.HostWarmUp;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.sandbox.protocol.Frame;
import org.hackablemail.plugin.sandbox.protocol.FrameStream;
import org.hackablemail.plugin.sandbox.protocol.FrameType;
import org.hackablemail.plugin.sandbox.protocol.WorkerConfig;

/**
 * A sandbox worker process: runs plugins for the client that started it, speaking {@link FrameStream} frames over its
 * standard input and output; its standard error is the client's log. Started with a fixed heap and
 * {@code -XX:+ExitOnOutOfMemoryError}: whatever a plugin does to it, it either answers or dies, and the client then
 * starts another. It ends when its standard input ends (the client is gone), and never lingers: runaway plugin threads
 * do not keep it alive.
 */
public final class WorkerMain {
    /** Larger than any frame a client sends: an input, a module or a variable, with their envelope. */
    static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        // The protocol owns standard output: whatever else would print there goes to the log.
        FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        FrameStream frames = new FrameStream(new FileInputStream(FileDescriptor.in), protocolOut, MAX_FRAME_BYTES);
        try {
            Frame first = frames.read().orElseThrow(() -> new IOException("No configuration"));
            if (first.type() != FrameType.CONFIGURE) {
                throw new IOException("The first frame is " + first.type() + ", not " + FrameType.CONFIGURE);
            }
            WorkerConfig config = WorkerConfig.decode(first.payload());
            PluginHost host = PluginHost.forWorker(config.limits(), config.capacity(),
                new DiskCodeCache(config.codeDirectory(), config.diskCodeBytes()));
            long configured = System.nanoTime();
            int failed = HostWarmUp.run(host);
            System.err.printf("Ready %d ms after the JVM started (warm-up %d ms)%s%n",
                ManagementFactory.getRuntimeMXBean().getUptime(), (System.nanoTime() - configured) / 1_000_000,
                failed > 0 ? "; " + failed + " warm-up calls failed" : "");
            frames.write(Frame.of(FrameType.READY, 0));
            new WorkerServer(host, frames, config.limits().workerStackBytes()).serve();
        } catch (Throwable e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
        Runtime.getRuntime().halt(0);
    }
}
