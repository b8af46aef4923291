package org.hackablemail.bayes.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hackablemail.bayes.store.Baseline;
import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.ChangeCursor;
import org.hackablemail.bayes.store.Changes;
import org.hackablemail.bayes.store.ClassPrint;
import org.hackablemail.bayes.store.EntryState;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.TrainingEntry;
import org.hackablemail.bayes.store.TrainingKey;

/**
 * The read model every classification reads, folded from a {@link BayesStore}'s entries: the shared counts (the
 * baseline, the shared scope's entries, and users' entries of a class that enough distinct users trained alike) and,
 * per user, a personal layer of that user's own entries, loaded on first use and kept up to a per-node cap.
 *
 * <p>Reading ({@link #shared()}, {@link #personal}) takes no lock. Folding ({@link #fold}, {@link #refresh},
 * {@link #rebuild}) is serialized. Folding is idempotent: the model remembers the revision it counted for every key and
 * ignores what is not newer, so its own writes, the store's change feed and a rebuild may overlap freely.</p>
 */
public final class BayesModel {
    private static final int CHANGES_PER_BATCH = 1_000;

    /** What the model counted for one key. */
    private record Counted(EntryState state, long revision, ClassPrint print, boolean promoted, Instant updated) {
    }

    /** A loaded personal layer and when it was last read. */
    private static final class Layer {
        final CountTable table = new CountTable();
        volatile long lastUsed;
    }

    private final BayesStore store;
    private final LayerSettings settings;
    private volatile CountTable shared = new CountTable();
    private final Map<TrainingKey, Counted> counted = new HashMap<>();
    private final Map<Long, Map<Scope, int[]>> votes = new HashMap<>();
    private final Map<Long, Set<TrainingKey>> bandMembers = new HashMap<>();
    private final Map<Scope, Set<TrainingKey>> userKeys = new HashMap<>();
    private final ConcurrentHashMap<Scope, long[]> userTotals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Scope, Layer> layers = new ConcurrentHashMap<>();
    private ChangeCursor cursor;
    private volatile Optional<Instant> lastTrained = Optional.empty();
    private volatile int promotedEntries;

    public BayesModel(BayesStore store, LayerSettings settings) {
        this.store = store;
        this.settings = settings;
        rebuild();
    }

    public LayerSettings settings() {
        return settings;
    }

    /** The shared counts. Lock-free. */
    public CountTable shared() {
        return shared;
    }

    /**
     * The user's personal layer, when the user trained at least {@code minPersonalMessages}; loaded from the store on
     * first use (the only store read on the classification path, once per user while the layer stays in memory).
     */
    public Optional<CountTable> personal(Scope user) {
        long[] totals = userTotals.get(user);
        if (totals == null || totals[0] + totals[1] < settings.minPersonalMessages()) {
            return Optional.empty();
        }
        return layer(user);
    }

    /** The user's layer whatever its size, loaded if needed; empty when the user trained nothing. */
    public Optional<CountTable> layer(Scope user) {
        if (!userTotals.containsKey(user)) {
            return Optional.empty();
        }
        Layer layer = layers.get(user);
        if (layer == null) {
            layer = load(user);
        }
        layer.lastUsed = System.nanoTime();
        return Optional.of(layer.table);
    }

    /** Folds one entry as the store wrote it. */
    public synchronized void fold(TrainingEntry entry) {
        Counted old = counted.get(entry.key());
        if (old != null && old.revision() >= entry.revision()) {
            return;
        }
        EntryState before = old == null ? EntryState.FORGOTTEN : old.state();
        Scope scope = entry.key().scope();
        if (scope.isShared()) {
            shared.move(entry.teaching().tokens(), before, entry.state());
            counted.put(entry.key(), new Counted(entry.state(), entry.revision(), ClassPrint.NONE, false, entry.updated()));
        } else {
            foldUserEntry(entry, old, before);
        }
        if (entry.state().teaches() && lastTrained.map(last -> last.isBefore(entry.updated())).orElse(true)) {
            lastTrained = Optional.of(entry.updated());
        }
    }

    private void foldUserEntry(TrainingEntry entry, Counted old, EntryState before) {
        Scope user = entry.key().scope();
        Layer layer = layers.get(user);
        if (layer != null) {
            layer.table.move(entry.teaching().tokens(), before, entry.state());
        }
        long[] totals = userTotals.computeIfAbsent(user, any -> new long[2]);
        totals[0] += (entry.state() == EntryState.SPAM ? 1 : 0) - (before == EntryState.SPAM ? 1 : 0);
        totals[1] += (entry.state() == EntryState.HAM ? 1 : 0) - (before == EntryState.HAM ? 1 : 0);
        if (totals[0] + totals[1] <= 0) {
            userTotals.remove(user);
            layers.remove(user);
        }
        ClassPrint print = entry.teaching().print();
        if (old != null) {
            unvote(entry.key(), old.state(), old.print());
        }
        vote(entry.key(), entry.state(), print);
        boolean wasPromoted = old != null && old.promoted();
        Counted now = new Counted(entry.state(), entry.revision(), print, wasPromoted, entry.updated());
        counted.put(entry.key(), now);
        boolean promote = shouldPromote(now);
        shared.move(entry.teaching().tokens(), wasPromoted ? before : EntryState.FORGOTTEN,
            promote ? entry.state() : EntryState.FORGOTTEN);
        if (promote != wasPromoted) {
            counted.put(entry.key(), withPromoted(now, promote));
            promotedEntries += promote ? 1 : -1;
        }
        Set<Long> bands = new HashSet<>();
        addBands(bands, print);
        if (old != null) {
            addBands(bands, old.print());
        }
        repromote(bands, entry.key());
    }

    /** Entries of the affected classes whose promotion changed with the votes: their tokens join or leave the shared model. */
    private void repromote(Set<Long> bands, TrainingKey except) {
        Set<TrainingKey> affected = new HashSet<>();
        for (long band : bands) {
            affected.addAll(bandMembers.getOrDefault(band, Set.of()));
        }
        affected.remove(except);
        for (TrainingKey key : affected) {
            Counted member = counted.get(key);
            boolean promote = shouldPromote(member);
            if (promote != member.promoted()) {
                store.entry(key).ifPresent(entry -> shared.move(entry.teaching().tokens(),
                    promote ? EntryState.FORGOTTEN : member.state(), promote ? member.state() : EntryState.FORGOTTEN));
                counted.put(key, withPromoted(member, promote));
                promotedEntries += promote ? 1 : -1;
            }
        }
    }

    private boolean shouldPromote(Counted entry) {
        if (!entry.state().teaches()) {
            return false;
        }
        if (settings.minReporters() <= 1) {
            return true;
        }
        int index = entry.state() == EntryState.SPAM ? 0 : 1;
        for (int band = 0; band < entry.print().size(); band++) {
            Map<Scope, int[]> reporters = votes.get(entry.print().band(band));
            if (reporters != null && reporters.values().stream().filter(count -> count[index] > 0).count()
                >= settings.minReporters()) {
                return true;
            }
        }
        return false;
    }

    private void vote(TrainingKey key, EntryState state, ClassPrint print) {
        if (!state.teaches()) {
            return;
        }
        userKeys.computeIfAbsent(key.scope(), any -> new HashSet<>()).add(key);
        int index = state == EntryState.SPAM ? 0 : 1;
        for (int band = 0; band < print.size(); band++) {
            long value = print.band(band);
            votes.computeIfAbsent(value, any -> new HashMap<>()).computeIfAbsent(key.scope(), any -> new int[2])[index]++;
            bandMembers.computeIfAbsent(value, any -> new HashSet<>()).add(key);
        }
    }

    private void unvote(TrainingKey key, EntryState state, ClassPrint print) {
        if (!state.teaches()) {
            return;
        }
        Set<TrainingKey> keys = userKeys.get(key.scope());
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            userKeys.remove(key.scope());
        }
        int index = state == EntryState.SPAM ? 0 : 1;
        for (int band = 0; band < print.size(); band++) {
            long value = print.band(band);
            Map<Scope, int[]> reporters = votes.get(value);
            if (reporters != null) {
                int[] count = reporters.get(key.scope());
                if (count != null && --count[index] <= 0 && count[1 - index] <= 0) {
                    reporters.remove(key.scope());
                }
                if (reporters.isEmpty()) {
                    votes.remove(value);
                }
            }
            Set<TrainingKey> members = bandMembers.get(value);
            if (members != null && members.remove(key) && members.isEmpty()) {
                bandMembers.remove(value);
            }
        }
    }

    private static void addBands(Set<Long> bands, ClassPrint print) {
        for (int band = 0; band < print.size(); band++) {
            bands.add(print.band(band));
        }
    }

    private static Counted withPromoted(Counted entry, boolean promoted) {
        return new Counted(entry.state(), entry.revision(), entry.print(), promoted, entry.updated());
    }

    /** Folds what other writers (other nodes) changed since the last call. */
    public synchronized void refresh() {
        while (true) {
            Changes changes = store.changesSince(cursor, CHANGES_PER_BATCH);
            if (changes.rebuild()) {
                rebuild();
                return;
            }
            changes.entries().forEach(this::fold);
            boolean done = changes.next().equals(cursor) || changes.entries().size() < CHANGES_PER_BATCH;
            cursor = changes.next();
            if (done) {
                return;
            }
        }
    }

    /** Reloads everything from the store: at start, and after a reset or import anywhere. */
    public synchronized void rebuild() {
        ChangeCursor start = store.cursor();
        Baseline baseline = store.baseline();
        counted.clear();
        votes.clear();
        bandMembers.clear();
        userKeys.clear();
        userTotals.clear();
        layers.clear();
        promotedEntries = 0;
        lastTrained = Optional.empty();
        shared = new CountTable(baseline.counts(), baseline.spamMessages(), baseline.hamMessages());
        cursor = start;
        store.forEachEntry(Optional.empty(), this::fold);
        refresh();
    }

    /** The user's trained messages, oldest first: the ones forgotten first when the user's layer is full. */
    public synchronized List<TrainingKey> entriesOldestFirst(Scope user) {
        List<TrainingKey> keys = new ArrayList<>(userKeys.getOrDefault(user, Set.of()));
        keys.sort(Comparator.comparing((TrainingKey key) -> counted.get(key).updated()).thenComparing(TrainingKey::message));
        return keys;
    }

    /** Whether the model counted this key as {@code state} at its latest revision. */
    public synchronized Optional<EntryState> countedState(TrainingKey key) {
        return Optional.ofNullable(counted.get(key)).map(Counted::state);
    }

    public ModelStatistics statistics() {
        CountTable table = shared;
        long spamTokens = table.view().values().stream().filter(count -> count.spam() > 0).count();
        long hamTokens = table.view().values().stream().filter(count -> count.ham() > 0).count();
        synchronized (this) {
            long entries = counted.values().stream().filter(entry -> entry.state().teaches()).count();
            return new ModelStatistics(table.spamMessages(), table.hamMessages(), lastTrained, table.distinctTokens(),
                spamTokens, hamTokens, entries, promotedEntries, userTotals.size(), layers.size());
        }
    }

    private synchronized Layer load(Scope user) {
        Layer loaded = layers.get(user);
        if (loaded != null) {
            return loaded;
        }
        Layer layer = new Layer();
        Set<TrainingKey> pending = new HashSet<>(userKeys.getOrDefault(user, Set.of()));
        store.forEachEntry(Optional.of(user), entry -> {
            if (pending.remove(entry.key())) {
                layer.table.move(entry.teaching().tokens(), EntryState.FORGOTTEN, counted.get(entry.key()).state());
            }
        });
        // Entries the model counts but the store already forgot (a change not folded yet): their teaching is still there.
        for (TrainingKey key : pending) {
            store.entry(key).ifPresent(entry ->
                layer.table.move(entry.teaching().tokens(), EntryState.FORGOTTEN, counted.get(key).state()));
        }
        layers.put(user, layer);
        evictBeyondCap();
        return layer;
    }

    private void evictBeyondCap() {
        while (layers.size() > settings.maxLayersInMemory()) {
            layers.entrySet().stream()
                .min(Comparator.comparingLong(entry -> entry.getValue().lastUsed))
                .ifPresent(eldest -> layers.remove(eldest.getKey()));
        }
    }
}
