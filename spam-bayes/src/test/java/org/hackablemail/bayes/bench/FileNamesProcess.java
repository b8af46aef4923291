package org.hackablemail.bayes.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a command that reads message file names on stdin and answers on stdout. The names are written by a thread of
 * their own while stdout is read: a command that answers as it reads would otherwise fill its output pipe and wait
 * for us while we wait for it.
 */
final class FileNamesProcess {
    private FileNamesProcess() {
    }

    /** Whether the command runs and exits 0: how the benchmark tells an installed filter. */
    static boolean succeeds(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * @param maxExitCode the highest exit code that means success (bogofilter exits 1 or 2 for a verdict)
     * @return the lines of its standard output
     */
    static List<String> run(List<String> command, List<LabelledMessage> messages, int maxExitCode)
        throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream names = process.getOutputStream()) {
                for (LabelledMessage message : messages) {
                    names.write((message.file() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "file-names-to-" + command.get(0));
        feeder.start();
        List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        feeder.join();
        if (process.waitFor() > maxExitCode) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue());
        }
        return output;
    }
}
