package org.hackablemail.storage.cassandra;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.plugin.PluginDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Plugin modules by SHA-256 digest, shared by the owners who pushed the same bytes, each deleted when no version of
 * any owner refers to it any more, on any node, and never while one does.
 *
 * <p>Tables: {@code plugin_modules} (one row per module: its state, upload, size), {@code plugin_module_chunks}
 * (the bytes in 256 KiB chunks: a module may be megabytes, and Cassandra reads a cell whole into memory), and
 * {@code plugin_module_refs} (one row per version that uses the module).
 *
 * <p>How a module is never lost while an owner pushes it and another owner's last use of it goes away, on two nodes
 * at once: a push first records its reference, then reads the module's row at the serial level (which sees every
 * compare-and-set that completed). Deleting is a sequence of compare-and-sets on that row: {@code ready} to
 * {@code deleting}, a fresh look at the references, {@code deleting} to {@code deleted}, then the chunks and the row
 * go. A push that finds {@code deleting} puts the module back to {@code ready} (its reference makes the deletion
 * wrong), which makes the deleter's next step fail; a push that finds {@code deleted} knows the deleter looked at the
 * references before its own was recorded: it finishes the deletion and uploads the module again. Chunks belong to
 * one upload, so the chunks of a deleted upload and of the next never mix.
 */
final class CassandraModules {
    static final CassandraTable MODULES = CassandraTable.named("plugin_modules")
        .column("digest", "text")
        .column("state", "text")
        .column("upload", "uuid")
        .column("chunks", "int")
        .column("size", "bigint")
        .partitionKey("digest")
        .build();
    static final CassandraTable CHUNKS = CassandraTable.named("plugin_module_chunks")
        .column("digest", "text")
        .column("upload", "uuid")
        .column("chunk", "int")
        .column("data", "blob")
        .partitionKey("digest", "upload")
        .clustering("chunk")
        .build();
    static final CassandraTable REFS = CassandraTable.named("plugin_module_refs")
        .column("digest", "text")
        .column("ref", "uuid")
        .column("owner", "text")
        .partitionKey("digest")
        .clustering("ref")
        .build();

    /** 256 KiB: an 8 MiB module (the default cap) is 32 rows. */
    static final int CHUNK_SIZE = 256 * 1024;
    /** Rows per page when reading a module back: bounds the memory of one response to 2 MiB. */
    private static final int CHUNKS_PER_PAGE = 8;
    private static final int MAX_ATTEMPTS = 32;
    private static final String READY = "ready";
    private static final String DELETING = "deleting";
    private static final String DELETED = "deleted";
    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraModules.class);

    private final Cql cql;
    private final String modules;
    private final String chunks;
    private final String refs;

    CassandraModules(Cql cql) {
        this.cql = cql;
        this.modules = cql.table(MODULES.name());
        this.chunks = cql.table(CHUNKS.name());
        this.refs = cql.table(REFS.name());
    }

    /**
     * Records that a version of {@code owner} will use the module, then makes sure the module is stored.
     *
     * @return the reference, which the version keeps and {@link #release} ends
     */
    UUID acquire(PluginDigest digest, byte[] wasm, Owner owner) {
        UUID ref = UUID.randomUUID();
        cql.execute(cql.bind("INSERT INTO " + refs + " (digest, ref, owner) VALUES (?, ?, ?)", digest.hex(), ref,
            owner.asString()), "record a use of the plugin module " + digest);
        try {
            ensureStored(digest, wasm);
            return ref;
        } catch (RuntimeException e) {
            releaseQuietly(digest, ref);
            throw e;
        }
    }

    /** Ends a version's use of the module, and deletes the module if that was the last use. */
    void release(PluginDigest digest, UUID ref) {
        cql.execute(cql.bind("DELETE FROM " + refs + " WHERE digest = ? AND ref = ?", digest.hex(), ref),
            "end a use of the plugin module " + digest);
        deleteIfUnused(digest);
    }

    /** {@link #release}, for clean-ups after a failure: a leftover reference only keeps a module stored. */
    void releaseQuietly(PluginDigest digest, UUID ref) {
        try {
            release(digest, ref);
        } catch (RuntimeException e) {
            LOGGER.warn("Cannot release plugin module {}: it stays stored", digest, e);
        }
    }

    Optional<byte[]> read(PluginDigest digest) {
        Row head = cql.execute(cql.bind("SELECT state, upload, chunks, size FROM " + modules + " WHERE digest = ?", digest.hex()),
            "read the plugin module " + digest).one();
        if (head == null || !READY.equals(head.getString("state")) && !DELETING.equals(head.getString("state"))) {
            return Optional.empty();
        }
        ByteArrayOutputStream module = new ByteArrayOutputStream();
        int expected = 0;
        for (Row row : cql.execute(cql.bind("SELECT chunk, data FROM " + chunks + " WHERE digest = ? AND upload = ?",
                digest.hex(), head.getUuid("upload")).setPageSize(CHUNKS_PER_PAGE), "read the plugin module " + digest)) {
            if (row.getInt("chunk") != expected) {
                break;
            }
            ByteBuffer data = row.getByteBuffer("data");
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            module.writeBytes(bytes);
            expected++;
        }
        byte[] wasm = module.toByteArray();
        if (expected == head.getInt("chunks") && wasm.length == head.getLong("size") && PluginDigest.of(wasm).equals(digest)) {
            return Optional.of(wasm);
        }
        if (DELETING.equals(head.getString("state"))) {
            return Optional.empty();
        }
        throw new IllegalStateException("The plugin module " + digest + " in Cassandra is damaged: " + expected + " of "
            + head.getInt("chunks") + " chunks, " + wasm.length + " bytes, not matching its digest");
    }

    private void ensureStored(PluginDigest digest, byte[] wasm) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Row head = cql.execute(cql.bindSerialRead("SELECT state, upload FROM " + modules + " WHERE digest = ?", digest.hex()),
                "read the plugin module " + digest).one();
            String state = head == null ? null : head.getString("state");
            if (state == null) {
                if (upload(digest, wasm)) {
                    return;
                }
            } else if (READY.equals(state)) {
                return;
            } else if (DELETING.equals(state)) {
                // This push's reference makes the deletion wrong: stop it.
                cql.applied(cql.bind("UPDATE " + modules + " SET state = ? WHERE digest = ? IF state = ?", READY, digest.hex(), DELETING),
                    "keep the plugin module " + digest);
            } else {
                finishDeletion(digest, head.getUuid("upload"));
            }
        }
        throw new StorageUnavailableException("The plugin module " + digest + " changed " + MAX_ATTEMPTS
            + " times while it was being stored: try again", null);
    }

    /** Stores the chunks, then the row that makes them the module; false when another node's upload won. */
    private boolean upload(PluginDigest digest, byte[] wasm) {
        UUID upload = UUID.randomUUID();
        int count = Math.max(1, (wasm.length + CHUNK_SIZE - 1) / CHUNK_SIZE);
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int chunk = 0; chunk < count; chunk++) {
            int from = chunk * CHUNK_SIZE;
            ByteBuffer data = ByteBuffer.wrap(wasm, from, Math.min(CHUNK_SIZE, wasm.length - from)).slice();
            writes.add(cql.executeAsync(cql.bind("INSERT INTO " + chunks + " (digest, upload, chunk, data) VALUES (?, ?, ?, ?)",
                digest.hex(), upload, chunk, data), "store the plugin module " + digest).toCompletableFuture());
        }
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            deleteChunksQuietly(digest, upload);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        if (cql.applied(cql.bind("INSERT INTO " + modules + " (digest, state, upload, chunks, size) VALUES (?, ?, ?, ?, ?)"
                + " IF NOT EXISTS", digest.hex(), READY, upload, count, (long) wasm.length), "store the plugin module " + digest)) {
            return true;
        }
        deleteChunksQuietly(digest, upload);
        return false;
    }

    private void deleteIfUnused(PluginDigest digest) {
        if (isUsed(digest)) {
            return;
        }
        if (!cql.applied(cql.bind("UPDATE " + modules + " SET state = ? WHERE digest = ? IF state IN (?, ?)", DELETING,
                digest.hex(), READY, DELETING), "delete the plugin module " + digest)) {
            return;
        }
        // Looked at again after the mark: a push that recorded its use before the mark is seen now.
        if (isUsed(digest)) {
            cql.applied(cql.bind("UPDATE " + modules + " SET state = ? WHERE digest = ? IF state = ?", READY, digest.hex(), DELETING),
                "keep the plugin module " + digest);
            return;
        }
        if (!cql.applied(cql.bind("UPDATE " + modules + " SET state = ? WHERE digest = ? IF state = ?", DELETED, digest.hex(), DELETING),
                "delete the plugin module " + digest)) {
            return;
        }
        Row head = cql.execute(cql.bind("SELECT upload FROM " + modules + " WHERE digest = ?", digest.hex()),
            "delete the plugin module " + digest).one();
        if (head != null) {
            finishDeletion(digest, head.getUuid("upload"));
        }
    }

    private void finishDeletion(PluginDigest digest, UUID upload) {
        cql.execute(cql.bind("DELETE FROM " + chunks + " WHERE digest = ? AND upload = ?", digest.hex(), upload),
            "delete the plugin module " + digest);
        cql.applied(cql.bind("DELETE FROM " + modules + " WHERE digest = ? IF state = ? AND upload = ?", digest.hex(), DELETED, upload),
            "delete the plugin module " + digest);
    }

    private boolean isUsed(PluginDigest digest) {
        return cql.execute(cql.bind("SELECT ref FROM " + refs + " WHERE digest = ? LIMIT 1", digest.hex()),
            "read the uses of the plugin module " + digest).one() != null;
    }

    private void deleteChunksQuietly(PluginDigest digest, UUID upload) {
        try {
            cql.execute(cql.bind("DELETE FROM " + chunks + " WHERE digest = ? AND upload = ?", digest.hex(), upload),
                "delete an unused upload of the plugin module " + digest);
        } catch (RuntimeException e) {
            LOGGER.warn("Cannot delete an unused upload of plugin module {}", digest, e);
        }
    }
}
