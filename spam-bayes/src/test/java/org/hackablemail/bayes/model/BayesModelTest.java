package org.hackablemail.bayes.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hackablemail.bayes.TokenCount;
import org.hackablemail.bayes.store.Baseline;
import org.hackablemail.bayes.store.EntryState;
import org.hackablemail.bayes.store.EntryWrite;
import org.hackablemail.bayes.store.InMemoryBayesStore;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.Teaching;
import org.hackablemail.bayes.store.TrainingKey;
import org.junit.jupiter.api.Test;

class BayesModelTest {
    private static final List<Scope> SCOPES = List.of(Scope.SHARED, Scope.user("a@x"), Scope.user("b@x"),
        Scope.user("c@x"), Scope.user("d@x"));

    /** A message of one of a few classes: most of its words are its class's, some its own. */
    private static Set<String> tokens(Random random, int message) {
        int kind = message % 4;
        return IntStream.range(0, 20)
            .mapToObj(i -> random.nextInt(5) == 0 ? "own" + message + "-" + i : "class" + kind + "-" + i)
            .collect(Collectors.toSet());
    }

    @Test
    void shouldCountWhatARebuildCountsWhateverTheOrderOfTrainingAndUntraining() {
        Random random = new Random(13);
        InMemoryBayesStore store = new InMemoryBayesStore();
        store.reset(new Baseline(Map.of("class0-1", new TokenCount(2, 1)), 2, 1));
        BayesModel folded = new BayesModel(store, LayerSettings.DEFAULT.withMinReporters(2));
        Map<Integer, Set<String>> messages = IntStream.range(0, 40).boxed()
            .collect(Collectors.toMap(i -> i, i -> tokens(random, i)));

        for (int step = 0; step < 600; step++) {
            int message = random.nextInt(messages.size());
            Scope scope = SCOPES.get(random.nextInt(SCOPES.size()));
            EntryState state = EntryState.values()[random.nextInt(3)];
            store.write(new EntryWrite(TrainingKey.mailboxMessage(scope, "m" + message), state, Source.MOVE,
                () -> Teaching.of(messages.get(message)))).ifPresent(folded::fold);
            if (step % 50 == 0) {
                SCOPES.stream().filter(s -> !s.isShared()).forEach(folded::personal);
            }
        }
        BayesModel rebuilt = new BayesModel(store, LayerSettings.DEFAULT.withMinReporters(2));

        assertThat(folded.statistics().promotedMessages()).isPositive();
        assertThat(folded.shared().view()).isEqualTo(rebuilt.shared().view());
        assertThat(folded.shared().spamMessages()).isEqualTo(rebuilt.shared().spamMessages());
        assertThat(folded.shared().hamMessages()).isEqualTo(rebuilt.shared().hamMessages());
        for (Scope user : SCOPES.subList(1, SCOPES.size())) {
            Optional<Map<String, TokenCount>> foldedLayer = folded.layer(user).map(CountTable::view);
            Optional<Map<String, TokenCount>> rebuiltLayer = rebuilt.layer(user).map(CountTable::view);
            assertThat(foldedLayer).as(user.key()).isEqualTo(rebuiltLayer);
        }
    }

    @Test
    void shouldIgnoreAChangeItAlreadyCountedOrAnOlderOne() {
        InMemoryBayesStore store = new InMemoryBayesStore();
        BayesModel model = new BayesModel(store, LayerSettings.DEFAULT);
        TrainingKey key = TrainingKey.mailboxMessage(Scope.SHARED, "1");
        var spam = store.write(new EntryWrite(key, EntryState.SPAM, Source.ADMIN, () -> Teaching.of(Set.of("pills"))))
            .orElseThrow();
        var ham = store.write(new EntryWrite(key, EntryState.HAM, Source.ADMIN, () -> Teaching.of(Set.of("pills"))))
            .orElseThrow();

        model.fold(ham);
        model.fold(spam);
        model.fold(ham);
        model.refresh();

        assertThat(model.shared().count("pills")).isEqualTo(new TokenCount(0, 1));
        assertThat(model.shared().hamMessages()).isEqualTo(1);
        assertThat(model.shared().spamMessages()).isZero();
    }
}
