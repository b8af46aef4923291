package org.hackablemail.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.hackablemail.bayes.TokenCount;
import org.hackablemail.bayes.store.Baseline;
import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.EntryState;
import org.hackablemail.bayes.store.EntryWrite;
import org.hackablemail.bayes.store.LuceneBayesStore;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.Teaching;
import org.hackablemail.bayes.store.TrainingEntry;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.core.Owner;
import org.hackablemail.core.circuit.Circuit;
import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.core.store.AuditEntry;
import org.hackablemail.core.store.GuestStore;
import org.hackablemail.core.store.PluginVersion;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.VariableQuotas;
import org.hackablemail.core.store.fs.FileSystemStorage;
import org.hackablemail.plugin.simulation.ScenarioResult;
import org.hackablemail.plugin.simulation.SimulationReport;
import org.hackablemail.storage.cassandra.testing.TestKeyspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FileSystemMigrationTest {
    @RegisterExtension
    static TestKeyspace keyspace = new TestKeyspace("migration", CassandraStorage.tables());

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Owner BOB = Owner.of("bob@example.org");
    private static final Owner CAROL = Owner.of("carol+lists@example.org");
    private static final StorageSettings SETTINGS = new StorageSettings(3, new VariableQuotas(100, 10_000),
        1024 * 1024, StorageSettings.defaults().traceRetention());

    @TempDir
    Path dataDirectory;

    private static final TrainingKey SPAM = TrainingKey.mailboxMessage(Scope.user("bob@example.org"), "m1");
    private static final TrainingKey HAM = TrainingKey.mailboxMessage(Scope.SHARED, "m2");
    private static final TrainingKey FORGOTTEN = TrainingKey.mailboxMessage(Scope.user("bob@example.org"), "m3");
    private static final Baseline IMPORTED = new Baseline(Map.of("viagra", new TokenCount(3, 0)), 3, 1);

    private FileSystemStorage fileSystem;
    private BayesStore bayes;
    private CassandraStorage cassandra;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void fillTheFileSystemAndOpenAnEmptyKeyspace() throws Exception {
        fileSystem = new FileSystemStorage(dataDirectory, CLOCK, SETTINGS);
        SimulationReport report = SimulationReport.of(List.of(new ScenarioResult("empty body",
            ScenarioResult.Status.passed, 0, List.of(), null, null, List.of("INFO fine"), null, 1.5)), Duration.ofSeconds(1));
        IntStream.rangeClosed(1, 5).forEach(number -> fileSystem.plugins().push(BOB, module(number), "bob", report));
        fileSystem.plugins().activate(BOB, 4);
        fileSystem.plugins().setConfig(BOB, Map.of("greeting", "Hi"));
        fileSystem.plugins().push(CAROL, module(5), "admin:jane", null);
        fileSystem.variables().commit(BOB, fileSystem.variables().version(BOB),
            Map.of("vacation:alice@example.org", Optional.of(bytes("1764489600")), "count", Optional.of(bytes("7"))));
        fileSystem.circuits().commit(BOB, 0, Circuit.INITIAL.withFailure("alice@example.org", "trap", 10)
            .withFailure("", "timeout", 10).withFallback(Fallback.SPAM));
        fileSystem.circuits().commit(CAROL, 0, Circuit.INITIAL.withFailure("eve@example.org", "trap", 10)
            .suspendedAt(NOW.minus(Duration.ofHours(1))));
        fileSystem.guests().addGuest(BOB);
        fileSystem.guests().addGuest(CAROL);
        fileSystem.guests().addToken("token-hash-1", new GuestStore.TokenGrant(BOB, NOW.minus(Duration.ofDays(3))));
        fileSystem.guests().addInvite("code-hash-1", CAROL, NOW.plus(Duration.ofDays(7)));
        fileSystem.guests().claimInviteSlot(CAROL, NOW.minus(Duration.ofMinutes(5)), Duration.ofMinutes(10));
        fileSystem.audit().record("bob", BOB, "push", "version 1");
        fileSystem.audit().record("bob", BOB, "push", "version 1");
        fileSystem.audit().record("admin:jane", CAROL, "push", "version 1");
        bayes = LuceneBayesStore.open(dataDirectory.resolve("bayes"), CLOCK);
        bayes.reset(IMPORTED);
        bayes.write(new EntryWrite(SPAM, EntryState.SPAM, Source.MOVE, () -> Teaching.of(Set.of("cheap", "pills"))));
        bayes.write(new EntryWrite(HAM, EntryState.HAM, Source.ADMIN, () -> Teaching.of(Set.of("meeting"))));
        bayes.write(new EntryWrite(FORGOTTEN, EntryState.SPAM, Source.MOVE, () -> Teaching.of(Set.of("gone"))));
        bayes.write(new EntryWrite(FORGOTTEN, EntryState.FORGOTTEN, Source.MOVE, () -> Teaching.of(Set.of("gone"))));
        cassandra = new CassandraStorage(keyspace.nodeA(), SETTINGS, Duration.ZERO, CLOCK, null);
    }

    @AfterEach
    void closeTheBayesStore() {
        bayes.close();
    }

    @Test
    void everythingShouldBeReadableThroughCassandraAfterTheMigration() throws Exception {
        Map<String, FileSystemMigration.Count> counts = migrate();

        assertThat(counts).containsEntry("plugins", new FileSystemMigration.Count(2, 0))
            .containsEntry("variables", new FileSystemMigration.Count(1, 0))
            .containsEntry("circuits", new FileSystemMigration.Count(2, 0))
            .containsEntry("guests", new FileSystemMigration.Count(2, 0))
            .containsEntry("invites", new FileSystemMigration.Count(1, 0))
            .containsEntry("tokens", new FileSystemMigration.Count(1, 0))
            .containsEntry("invite times", new FileSystemMigration.Count(1, 0))
            .containsEntry("audit entries", new FileSystemMigration.Count(3, 0))
            .containsEntry("bayes baseline", new FileSystemMigration.Count(1, 0))
            .containsEntry("bayes messages", new FileSystemMigration.Count(2, 0));
        for (Owner owner : List.of(BOB, CAROL)) {
            assertThat(cassandra.plugins().history(owner)).isEqualTo(millis(fileSystem.plugins().history(owner)));
            assertThat(cassandra.plugins().active(owner)).isEqualTo(fileSystem.plugins().active(owner).map(this::millis));
            assertThat(cassandra.plugins().config(owner)).isEqualTo(fileSystem.plugins().config(owner));
            for (PluginVersion version : cassandra.plugins().history(owner)) {
                assertThat(cassandra.plugins().module(version.digest())).hasValueSatisfying(wasm ->
                    assertThat(wasm).isEqualTo(fileSystem.plugins().module(version.digest()).orElseThrow()));
            }
        }
        assertThat(cassandra.plugins().history(BOB)).extracting(PluginVersion::version).containsExactly(3, 4, 5);
        assertThat(cassandra.plugins().active(BOB)).hasValueSatisfying(active -> assertThat(active.version()).isEqualTo(4));
        assertThat(cassandra.variables().get(BOB, "vacation:alice@example.org")).contains(bytes("1764489600"));
        assertThat(cassandra.variables().get(BOB, "count")).contains(bytes("7"));
        assertThat(cassandra.circuits().suspended()).containsExactly(CAROL);
        assertThat(cassandra.circuits().read(CAROL)).isEqualTo(fileSystem.circuits().read(CAROL));
        assertThat(cassandra.circuits().read(BOB)).isEqualTo(fileSystem.circuits().read(BOB));
        assertThat(cassandra.circuits().read(BOB).fallback()).isEqualTo(Fallback.SPAM);
        assertThat(cassandra.guests().guests()).containsExactlyInAnyOrder(new GuestStore.Guest(BOB, 1),
            new GuestStore.Guest(CAROL, 0));
        assertThat(cassandra.guests().token("token-hash-1"))
            .contains(new GuestStore.TokenGrant(BOB, NOW.minus(Duration.ofDays(3))));
        assertThat(cassandra.guests().claimInviteSlot(CAROL, NOW, Duration.ofMinutes(10))).isFalse();
        assertThat(cassandra.guests().consumeInvite("code-hash-1", NOW)).contains(CAROL);
        assertThat(cassandra.audit().read(Optional.empty(), 10)).extracting(AuditEntry::actor, AuditEntry::owner)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", BOB), org.assertj.core.groups.Tuple.tuple("bob", BOB),
                org.assertj.core.groups.Tuple.tuple("admin:jane", CAROL));
        assertThat(cassandra.bayes().baseline()).isEqualTo(IMPORTED);
        TrainingEntry spam = cassandra.bayes().entry(SPAM).orElseThrow();
        assertThat(spam.state()).isEqualTo(EntryState.SPAM);
        assertThat(spam.source()).isEqualTo(Source.MOVE);
        assertThat(spam.teaching()).isEqualTo(bayes.entry(SPAM).orElseThrow().teaching());
        assertThat(cassandra.bayes().entry(HAM).orElseThrow().teaching().tokens()).containsExactly("meeting");
        assertThat(cassandra.bayes().entry(FORGOTTEN)).isEmpty();
    }

    @Test
    void aSecondRunShouldChangeNothing() throws Exception {
        migrate();
        long variablesVersion = cassandra.variables().version(BOB);
        List<PluginVersion> history = cassandra.plugins().history(BOB);

        Map<String, FileSystemMigration.Count> again = migrate();

        assertThat(again.values()).allSatisfy(count -> assertThat(count.copied()).isZero());
        assertThat(again).containsEntry("plugins", new FileSystemMigration.Count(0, 2))
            .containsEntry("audit entries", new FileSystemMigration.Count(0, 3))
            .containsEntry("circuits", new FileSystemMigration.Count(0, 2));
        assertThat(cassandra.circuits().read(CAROL).version()).isEqualTo(1);
        assertThat(cassandra.variables().version(BOB)).isEqualTo(variablesVersion);
        assertThat(cassandra.plugins().history(BOB)).isEqualTo(history);
        assertThat(cassandra.audit().read(Optional.empty(), 10)).hasSize(3);
        assertThat(again).containsEntry("bayes baseline", new FileSystemMigration.Count(0, 1))
            .containsEntry("bayes messages", new FileSystemMigration.Count(0, 2));
        assertThat(cassandra.bayes().entry(SPAM).orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void aMessageTrainedInCassandraMeanwhileShouldKeepItsState() throws Exception {
        cassandra.bayes().write(new EntryWrite(SPAM, EntryState.HAM, Source.KEYWORD, () -> Teaching.of(Set.of("mine"))));

        Map<String, FileSystemMigration.Count> counts = migrate();

        assertThat(counts).containsEntry("bayes messages", new FileSystemMigration.Count(1, 1))
            .containsEntry("bayes baseline", new FileSystemMigration.Count(0, 1));
        assertThat(cassandra.bayes().entry(SPAM).orElseThrow().state()).isEqualTo(EntryState.HAM);
        assertThat(cassandra.bayes().baseline()).isEqualTo(Baseline.EMPTY);
    }

    @Test
    void anOwnerChangedInCassandraShouldBeLeftAsItIs() throws Exception {
        cassandra.plugins().push(BOB, module(42), "bob", null);

        Map<String, FileSystemMigration.Count> counts = migrate();

        assertThat(counts).containsEntry("plugins", new FileSystemMigration.Count(1, 1));
        assertThat(cassandra.plugins().history(BOB)).singleElement()
            .satisfies(version -> assertThat(version.version()).isEqualTo(1));
    }

    @Test
    void aCircuitResetInCassandraMeanwhileShouldStayAsItIs() throws Exception {
        cassandra.circuits().commit(CAROL, 0, Circuit.INITIAL.withFallback(Fallback.SPAM));

        Map<String, FileSystemMigration.Count> counts = migrate();

        assertThat(counts).containsEntry("circuits", new FileSystemMigration.Count(1, 1));
        assertThat(cassandra.circuits().read(CAROL).suspended()).isFalse();
        assertThat(cassandra.circuits().read(CAROL).fallback()).isEqualTo(Fallback.SPAM);
        assertThat(cassandra.circuits().suspended()).isEmpty();
    }

    @Test
    void progressShouldReachEveryItemOfEachKind() throws Exception {
        migrate();

        assertThat(progress).contains("plugins 2/2", "variables 2/2", "circuits 2/2", "guests 2/2", "tokens 1/1", "audit entries 3/3");
    }

    private Map<String, FileSystemMigration.Count> migrate() throws Exception {
        return new FileSystemMigration(fileSystem, Optional.of(bayes), cassandra,
            (kind, done, total) -> progress.add(kind + " " + done + "/" + total)).run();
    }

    /** Cassandra keeps times to the millisecond. */
    private PluginVersion millis(PluginVersion version) {
        return new PluginVersion(version.owner(), version.version(), version.digest(), version.size(),
            version.pushedAt().truncatedTo(ChronoUnit.MILLIS), version.pushedBy(), version.simulations());
    }

    private List<PluginVersion> millis(List<PluginVersion> versions) {
        return versions.stream().map(this::millis).toList();
    }

    private static byte[] module(int number) {
        return ("\0asm module " + number).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
