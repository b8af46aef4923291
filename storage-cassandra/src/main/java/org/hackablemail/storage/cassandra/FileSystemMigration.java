package org.hackablemail.storage.cassandra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.EntryWrite;
import org.hackablemail.bayes.store.TrainingEntry;
import org.hackablemail.core.Owner;
import org.hackablemail.core.circuit.Circuit;
import org.hackablemail.core.circuit.CircuitStore;
import org.hackablemail.core.store.AuditEntry;
import org.hackablemail.core.store.PluginStore;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.core.store.VariableQuotaExceededException;
import org.hackablemail.core.store.fs.FileSystemGuestStore;
import org.hackablemail.core.store.fs.FileSystemStorage;

/**
 * Copies one James node's file-system state into Cassandra, for growing from one node to several: every owner's
 * plugin versions (their numbers, times, authors and reports), active version, configuration and modules; the
 * plugins' variables; the circuit breakers' states (a suspended plugin stays suspended); guests, pending invites, push tokens and invite times; the audit log; the Bayes filter's trained
 * messages and its baseline (imported counts). What Cassandra already has is left as it is, so running it again copies
 * only what is new, and changes nothing when nothing is.
 * The trace (a bounded, recent record) is not copied.
 */
public final class FileSystemMigration {
    /** Told how far each kind of state has got, e.g. {@code ("plugins", 12, 40)}. */
    @FunctionalInterface
    public interface Progress {
        void advanced(String kind, int done, int total);
    }

    /** How many of a kind were copied, and how many Cassandra had already (left as they were). */
    public record Count(int copied, int alreadyThere) {
        Count plus(boolean wasCopied) {
            return wasCopied ? new Count(copied + 1, alreadyThere) : new Count(copied, alreadyThere + 1);
        }
    }

    private static final Count NONE = new Count(0, 0);

    private final FileSystemStorage source;
    private final Optional<BayesStore> bayes;
    private final CassandraStorage target;
    private final Progress progress;

    /** @param bayes the node's Bayes store, when it has one */
    public FileSystemMigration(FileSystemStorage source, Optional<BayesStore> bayes, CassandraStorage target,
                               Progress progress) {
        this.source = source;
        this.bayes = bayes;
        this.target = target;
        this.progress = progress;
    }

    /**
     * @return each kind's count, in the order copied: plugins (owners), variables (owners), circuits (owners whose
     *         plugin failed or who chose a fallback), guests, invites,
     *         tokens, invite times, audit entries, and with a Bayes store its baseline (0 or 1) and trained messages
     * @throws VariableQuotaExceededException when an owner holds more variables than Cassandra's quotas allow
     */
    public Map<String, Count> run() throws VariableQuotaExceededException {
        Map<String, Count> counts = new LinkedHashMap<>();
        List<Owner> owners = source.plugins().owners();
        counts.put("plugins", copyPlugins(owners));
        counts.put("variables", copyVariables(owners));
        counts.put("circuits", copyCircuits(owners));
        FileSystemGuestStore.Contents guests = source.guests().contents();
        counts.put("guests", each("guests", guests.guests(), target.guests()::addGuest));
        counts.put("invites", each("invites", List.copyOf(guests.invites().entrySet()), invite ->
            target.guests().importInvite(invite.getKey(), invite.getValue().address(), invite.getValue().expires())));
        counts.put("tokens", each("tokens", List.copyOf(guests.tokens().entrySet()), token ->
            target.guests().importToken(token.getKey(), token.getValue())));
        counts.put("invite times", each("invite times", List.copyOf(guests.lastInvites().entrySet()), time ->
            target.guests().importInviteTime(time.getKey(), time.getValue())));
        counts.put("audit entries", copyAudit());
        bayes.ifPresent(store -> {
            counts.put("bayes baseline", copyBaseline(store));
            counts.put("bayes messages", copyTraining(store));
        });
        return counts;
    }

    private Count copyPlugins(List<Owner> owners) {
        PluginStore plugins = source.plugins();
        return each("plugins", owners, owner -> target.plugins().importOwner(owner, plugins.history(owner),
            plugins.active(owner).map(PluginVersion::version), plugins.config(owner), plugins::module));
    }

    private Count copyVariables(List<Owner> owners) throws VariableQuotaExceededException {
        Count count = NONE;
        int done = 0;
        for (Owner owner : owners) {
            Map<String, byte[]> variables = source.variables().all(owner);
            if (!variables.isEmpty()) {
                Map<String, Optional<byte[]>> writes = new LinkedHashMap<>();
                variables.forEach((name, value) -> writes.put(name, Optional.of(value)));
                // Version 0: Cassandra has never held this owner's variables; otherwise they are left as they are.
                count = count.plus(target.variables().commit(owner, 0, writes));
            }
            progress.advanced("variables", ++done, owners.size());
        }
        return count;
    }

    /**
     * Every state other than the initial one, of owners with a plugin and of suspended owners, unless Cassandra holds
     * the owner's already (a failure counted on a Cassandra node meanwhile is newer).
     */
    private Count copyCircuits(List<Owner> owners) {
        CircuitStore circuits = source.circuits();
        Set<Owner> candidates = new LinkedHashSet<>(owners);
        candidates.addAll(circuits.suspended());
        List<Map.Entry<Owner, Circuit>> withState = candidates.stream()
            .map(owner -> Map.entry(owner, circuits.read(owner)))
            .filter(state -> state.getValue().version() > 0)
            .toList();
        // Version 0: written only where Cassandra has no state for the owner.
        return each("circuits", withState, state -> target.circuits().commit(state.getKey(), 0, state.getValue()));
    }

    private Count copyAudit() {
        List<AuditEntry> entries = source.audit().read(Optional.empty(), Integer.MAX_VALUE);
        Count count = NONE;
        for (int position = 0; position < entries.size(); position++) {
            count = count.plus(target.audit().importEntry(entries.get(position), position));
            progress.advanced("audit entries", position + 1, entries.size());
        }
        return count;
    }

    /** The imported counts, into a Cassandra store that has none and no trained message (a reset would drop them). */
    private Count copyBaseline(BayesStore store) {
        if (store.baseline().isEmpty()) {
            return NONE;
        }
        BayesStore cassandra = target.bayes();
        boolean[] trained = {false};
        cassandra.forEachEntry(Optional.empty(), entry -> trained[0] = true);
        boolean copy = cassandra.baseline().isEmpty() && !trained[0];
        if (copy) {
            cassandra.reset(store.baseline());
        }
        progress.advanced("bayes baseline", 1, 1);
        return NONE.plus(copy);
    }

    /** Every message that teaches, with its state, source and tokens, unless Cassandra knows the message already. */
    private Count copyTraining(BayesStore store) {
        List<TrainingEntry> entries = new ArrayList<>();
        store.forEachEntry(Optional.empty(), entries::add);
        return each("bayes messages", entries, entry -> target.bayes().entry(entry.key()).isEmpty()
            && target.bayes().write(new EntryWrite(entry.key(), entry.state(), entry.source(), entry::teaching)).isPresent());
    }

    private <T> Count each(String kind, List<T> items, Predicate<T> copy) {
        Count count = NONE;
        for (int i = 0; i < items.size(); i++) {
            count = count.plus(copy.test(items.get(i)));
            progress.advanced(kind, i + 1, items.size());
        }
        return count;
    }
}
