package org.hackablemail.storage.cassandra;

import java.nio.ByteBuffer;
import java.time.Clock;

import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.PluginStoreContract;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.datastax.oss.driver.api.core.cql.Row;

class CassandraPluginStoreTest extends PluginStoreContract {
    @RegisterExtension
    static TestKeyspace keyspace = new TestKeyspace("plugins", CassandraPluginStore.tables());

    private Clock clock;
    private int keepVersions;

    @Override
    protected PluginStore store(Clock clock, int keepVersions) {
        this.clock = clock;
        this.keepVersions = keepVersions;
        return new CassandraPluginStore(keyspace.nodeA(), clock, keepVersions);
    }

    /** Flips a bit of the module's first chunk, in the upload its row points to. */
    @Override
    protected void damageModule(PluginDigest digest) {
        Cql cql = keyspace.nodeA();
        Row head = cql.execute(cql.bind("SELECT upload FROM " + cql.table(CassandraModules.MODULES.name())
            + " WHERE digest = ?", digest.hex()), "read the module row").one();
        String chunks = cql.table(CassandraModules.CHUNKS.name());
        Row chunk = cql.execute(cql.bind("SELECT data FROM " + chunks + " WHERE digest = ? AND upload = ? AND chunk = 0",
            digest.hex(), head.getUuid("upload")), "read the first chunk").one();
        ByteBuffer data = chunk.getByteBuffer("data");
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        bytes[bytes.length - 1] ^= 1;
        cql.execute(cql.bind("UPDATE " + chunks + " SET data = ? WHERE digest = ? AND upload = ? AND chunk = 0",
            ByteBuffer.wrap(bytes), digest.hex(), head.getUuid("upload")), "damage the first chunk");
    }

    @Override
    protected PluginStore otherNode(PluginStore first) {
        return new CassandraPluginStore(keyspace.nodeB(), clock, keepVersions);
    }
}
