package org.hackablemail.core.store.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Writes files so that readers, and a restart after a crash, see either the old content or the new, never a part:
 * the bytes go to a temporary file in the same directory, reach the disk, then the file is renamed over the target.
 */
public final class AtomicFiles {
    private static final String TEMPORARY_SUFFIX = ".part";

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".", TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Deletes what writes interrupted by a crash left behind. */
    public static void deleteLeftovers(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(AtomicFiles::isTemporary)::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean isTemporary(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().endsWith(TEMPORARY_SUFFIX);
    }
}
