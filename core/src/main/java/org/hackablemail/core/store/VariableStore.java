package org.hackablemail.core.store;

import java.util.Map;
import java.util.Optional;

import org.hackablemail.core.Owner;

/**
 * The variables of each owner's plugin ({@code var_get}, {@code var_set}), shared by every node. A plugin call reads
 * them as it runs and returns its writes as effects; the writes are committed only if nothing the call could have
 * read has changed meanwhile, otherwise the call runs again. That is what makes a vacation responder answer once,
 * also when two nodes get mail from the same sender at the same moment.
 *
 * <p>The protocol of a call: read {@link #version} first, then any values with {@link #get}, then
 * {@link #commit} the writes against that version. Each owner's variables have one version, which every successful
 * commit changes; a commit against any other version than the current one changes nothing. Versions are opaque: only
 * equality means something. They never repeat for an owner, not even after {@link #deleteAll}, so that a call that
 * read before a deletion cannot bring variables back.
 *
 * <p>Quotas ({@link VariableQuotas}) are checked at commit. Outages surface as {@link StorageUnavailableException}.
 * Implementations are thread-safe; reads are quick (served from memory where possible), as calls wait for them.
 */
public interface VariableStore {

    /** The current version of the owner's variables; read it before the values. */
    long version(Owner owner);

    Optional<byte[]> get(Owner owner, String name);

    /**
     * Applies every write, or none: a present value sets the variable, an empty one removes it.
     *
     * @return false, changing nothing, when the owner's version is no longer {@code expectedVersion}
     * @throws VariableQuotaExceededException changing nothing, when the writes would take the owner over a quota
     */
    boolean commit(Owner owner, long expectedVersion, Map<String, Optional<byte[]>> writes)
        throws VariableQuotaExceededException;

    /** Forgets every variable of the owner: their plugin was deleted, or they are no longer a guest. */
    void deleteAll(Owner owner);
}
