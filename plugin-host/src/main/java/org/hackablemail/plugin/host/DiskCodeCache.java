package org.hackablemail.plugin.host;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hackablemail.plugin.PluginDigest;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;

/**
 * Compiled code on disk, one file per plugin digest, so that neither a restart nor a new worker process compiles a
 * plugin again. Files live in a directory named after the compiler's fingerprint: code from another version of the
 * compiler is never loaded. Each file carries a checksum; a damaged file is deleted and reads as missing. Bounded in
 * bytes: beyond {@code maxBytes}, the least recently used files go (a read counts as a use).
 *
 * <p>Several processes may read at once; one process writes (the worker that compiles): files appear by an atomic
 * rename, so a reader sees a whole file or none.
 */
public final class DiskCodeCache {
    private static final byte[] MAGIC = {'H', 'M', 'C', 'C'};
    private static final String SUFFIX = ".code";
    private static final int FORMAT = 1;
    private static final int SHA_256_BYTES = 32;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern CODE_FILE = Pattern.compile("[0-9a-f]{64}\\" + SUFFIX);
    private static final HexFormat HEX = HexFormat.of();

    private final Path directory;
    private final long maxBytes;
    private long knownBytes = -1;

    /** @param root where the cache keeps its directories; created if missing */
    public DiskCodeCache(Path root, long maxBytes) {
        this.directory = root.resolve(compilerFingerprint());
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the compiled code cache " + directory, e);
        }
    }

    Path directory() {
        return directory;
    }

    boolean contains(PluginDigest digest) {
        return Files.isRegularFile(file(digest));
    }

    Optional<CompiledCode> read(PluginDigest digest) {
        Path file = file(digest);
        try {
            byte[] content = Files.readAllBytes(file);
            Optional<CompiledCode> code = decode(digest, content);
            if (code.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            }
            return code;
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read compiled code " + file, e);
        }
    }

    synchronized void write(CompiledCode code) {
        byte[] content = encode(code);
        Path file = file(code.digest());
        try {
            Path partial = Files.createTempFile(directory, "." + code.digest().hex(), ".partial");
            Files.write(partial, content);
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (knownBytes < 0) {
                removeOtherCompilersCode();
                knownBytes = 0;
                evict(file);
            } else {
                knownBytes += content.length;
                if (knownBytes > maxBytes) {
                    evict(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write compiled code " + file, e);
        }
    }

    /** Deletes the least recently used files until the rest fits, never {@code kept}; counts what remains. */
    private void evict(Path kept) throws IOException {
        record Entry(Path file, long bytes, FileTime used) {
        }
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (CODE_FILE.matcher(file.getFileName().toString()).matches()) {
                        entries.add(new Entry(file, attributes.size(), attributes.lastModifiedTime()));
                    } else if (attributes.lastModifiedTime().toMillis() < System.currentTimeMillis() - 3_600_000) {
                        Files.deleteIfExists(file); // a partial file left by a writer that died
                    }
                } catch (NoSuchFileException e) {
                    // Gone meanwhile.
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::used));
        long total = entries.stream().mapToLong(Entry::bytes).sum();
        for (Entry entry : entries) {
            if (total <= maxBytes) {
                break;
            }
            if (!entry.file().equals(kept)) {
                Files.deleteIfExists(entry.file());
                total -= entry.bytes();
            }
        }
        knownBytes = total;
    }

    private void removeOtherCompilersCode() throws IOException {
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(directory.getParent())) {
            for (Path sibling : siblings) {
                if (!sibling.equals(directory) && FINGERPRINT.matcher(sibling.getFileName().toString()).matches()) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(sibling)) {
                        for (Path file : files) {
                            Files.deleteIfExists(file);
                        }
                    }
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    private Path file(PluginDigest digest) {
        return directory.resolve(digest.hex() + SUFFIX);
    }

    private static byte[] encode(CompiledCode code) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) code.bytes() + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.write(HEX.parseHex(code.digest().hex()));
            out.writeInt(code.skeleton().length);
            out.write(code.skeleton());
            out.writeInt(code.classes().length);
            out.write(code.classes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.writeBytes(sha256(bytes.toByteArray(), bytes.size()));
        return bytes.toByteArray();
    }

    /** Empty when the file is not exactly what {@link #encode} wrote for this digest. */
    private static Optional<CompiledCode> decode(PluginDigest digest, byte[] content) {
        int body = content.length - SHA_256_BYTES;
        if (body < 0 || !Arrays.equals(sha256(content, body), 0, SHA_256_BYTES, content, body, content.length)) {
            return Optional.empty();
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(content, 0, body);
            byte[] magic = new byte[MAGIC.length];
            byte[] storedDigest = new byte[SHA_256_BYTES];
            buffer.get(magic);
            if (!Arrays.equals(magic, MAGIC) || buffer.getInt() != FORMAT) {
                return Optional.empty();
            }
            buffer.get(storedDigest);
            if (!Arrays.equals(storedDigest, HEX.parseHex(digest.hex()))) {
                return Optional.empty();
            }
            byte[] skeleton = new byte[buffer.getInt()];
            buffer.get(skeleton);
            byte[] classes = new byte[buffer.getInt()];
            buffer.get(classes);
            return buffer.hasRemaining() ? Optional.empty() : Optional.of(new CompiledCode(digest, skeleton, classes));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(bytes, 0, length);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM provides SHA-256", e);
        }
    }

    /**
     * Names the compiler that produced the code: a digest of the Chicory classes that generate it and of the runtime
     * classes it calls, with this cache's format. Code compiled by another Chicory is never loaded.
     */
    private static String compilerFingerprint() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(("format " + FORMAT).getBytes(StandardCharsets.US_ASCII));
            for (Class<?> generator : List.of(MachineFactoryCompiler.class, Instance.class, Machine.class)) {
                sha256.update(classFile(generator));
            }
            for (String internal : List.of("Compiler", "Emitters", "Shaded", "ShadedRefs")) {
                sha256.update(resource(MachineFactoryCompiler.class, "internal/" + internal + ".class"));
            }
            return HEX.formatHex(sha256.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM provides SHA-256", e);
        }
    }

    private static byte[] classFile(Class<?> type) {
        return resource(type, type.getSimpleName() + ".class");
    }

    private static byte[] resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No " + name + " next to " + anchor.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
