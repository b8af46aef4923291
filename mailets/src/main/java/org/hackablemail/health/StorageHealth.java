package org.hackablemail.health;

import javax.inject.Inject;

import org.hackablemail.core.store.Storage;
import org.hackablemail.storage.cassandra.CassandraStorage;

/**
 * Whether the bundle's storage answers. On Cassandra: whether a node answers a query now; while it does not, pushes
 * and admin changes fail with 503 and mail is served from what each node holds. On the file system the data
 * directory is the storage, and {@link DataDirectory} reports it.
 */
public class StorageHealth implements BundleComponent {
    private final Storage storage;

    @Inject
    public StorageHealth(Storage storage) {
        this.storage = storage;
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public ComponentHealth health() {
        if (storage instanceof CassandraStorage cassandra) {
            return cassandra.reachable()
                ? ComponentHealth.healthy("Cassandra answers: " + cassandra.describe())
                : ComponentHealth.unhealthy("Cassandra does not answer: " + cassandra.describe());
        }
        return ComponentHealth.healthy("file system, in the data directory");
    }
}
