package org.hackablemail.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.hackablemail.core.Owner;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditLog} must do, whatever holds it. A back-end's test extends this class and gives a log on
 * storage of its own for each test.
 */
public abstract class AuditLogContract {
    protected static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    protected static final Owner BOB = Owner.of("bob@example.org");
    protected static final Owner CAROL = Owner.of("carol@example.org");

    /**
     * A log on this test's storage, which is empty at the first call of a test. Later calls in the same test give
     * a log on the same storage, as after a restart.
     */
    protected abstract AuditLog log(Clock clock);

    /** A log on the same storage as {@code first}, used from another node; {@code first} by default. */
    protected AuditLog otherNode(AuditLog first) {
        return first;
    }

    private AuditLog log() {
        return log(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void readShouldGiveTheEntriesBackInOrderAfterARestart() {
        AuditLog log = log();
        log.record("admin:jane", BOB, "push", "version 1");
        log.record("bob@example.org", BOB, "activate", "version 1");

        assertThat(log().read(Optional.empty(), 10)).containsExactly(
            new AuditEntry(NOW, "admin:jane", BOB, "push", "version 1"),
            new AuditEntry(NOW, "bob@example.org", BOB, "activate", "version 1"));
    }

    @Test
    void readShouldKeepTheLatestEntriesOfOneOwnerWhenFilteredAndLimited() {
        AuditLog log = log();
        log.record("admin", BOB, "push", "version 1");
        log.record("admin", CAROL, "push", "version 1");
        log.record("admin", BOB, "push", "version 2");
        log.record("admin", BOB, "push", "version 3");

        assertThat(log.read(Optional.of(BOB), 2)).extracting(AuditEntry::detail)
            .containsExactly("version 2", "version 3");
    }

    @Test
    void readShouldBeEmptyWhenNothingWasRecorded() {
        assertThat(log().read(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void anEntryRecordedOnOneNodeShouldBeReadOnTheOther() {
        AuditLog log = log();

        log.record("admin", BOB, "delete", "");

        assertThat(otherNode(log).read(Optional.of(BOB), 10)).extracting(AuditEntry::action).containsExactly("delete");
    }
}
