package org.hackablemail.storage.cassandra;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.AuditEntry;
import org.hackablemail.core.store.AuditLog;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;

/**
 * The audit log in Cassandra, written twice: by owner ({@code audit_by_owner}, for an owner's history) and by month
 * ({@code audit_by_month}, for the latest entries of all owners), with {@code audit_months} listing the months that
 * have entries. Entries are ordered by time, then by a time-based UUID, which keeps the order in which one node
 * recorded entries of the same millisecond. A logged batch writes the three: all or none end up stored.
 */
public final class CassandraAuditLog implements AuditLog {
    static final CassandraTable BY_OWNER = CassandraTable.named("audit_by_owner")
        .column("owner", "text")
        .column("at", "timestamp")
        .column("id", "timeuuid")
        .column("actor", "text")
        .column("action", "text")
        .column("detail", "text")
        .partitionKey("owner")
        .clustering("at", "id")
        .with("CLUSTERING ORDER BY (at DESC, id DESC)")
        .build();
    static final CassandraTable BY_MONTH = CassandraTable.named("audit_by_month")
        .column("month", "text")
        .column("at", "timestamp")
        .column("id", "timeuuid")
        .column("owner", "text")
        .column("actor", "text")
        .column("action", "text")
        .column("detail", "text")
        .partitionKey("month")
        .clustering("at", "id")
        .with("CLUSTERING ORDER BY (at DESC, id DESC)")
        .build();
    static final CassandraTable MONTHS = CassandraTable.named("audit_months")
        .column("log", "int")
        .column("month", "text")
        .partitionKey("log")
        .clustering("month")
        .with("CLUSTERING ORDER BY (month DESC)")
        .build();

    private final Cql cql;
    private final Clock clock;
    private final String byOwner;
    private final String byMonth;
    private final String months;

    public CassandraAuditLog(Cql cql, Clock clock) {
        this.cql = cql;
        this.clock = clock;
        this.byOwner = cql.table(BY_OWNER.name());
        this.byMonth = cql.table(BY_MONTH.name());
        this.months = cql.table(MONTHS.name());
    }

    /** The tables this log needs, for {@link CassandraSchema}. */
    public static List<CassandraTable> tables() {
        return List.of(BY_OWNER, BY_MONTH, MONTHS);
    }

    @Override
    public void record(String actor, Owner owner, String action, String detail) {
        insert(new AuditEntry(clock.instant(), actor, owner, action, detail), Uuids.timeBased());
    }

    /**
     * Stores an entry as another back-end recorded it, with its time. Its id is made of that time, its position in
     * the other log (which orders entries of one millisecond) and a hash of what it says, so importing the same log
     * again changes nothing.
     *
     * @param position the entry's place in the other log (entries of one millisecond may be alike)
     * @return whether it was not there yet
     */
    boolean importEntry(AuditEntry entry, long position) {
        long hash = Arrays.hashCode(new Object[] {entry.actor(), entry.owner().asString(), entry.action(),
            entry.detail(), position});
        UUID id = new UUID(Uuids.startOf(entry.time().toEpochMilli()).getMostSignificantBits(),
            (position & 0x3FFFFFFFL) << 32 | hash & 0xFFFFFFFFL | 0x8000000000000000L);
        boolean present = cql.execute(cql.bind("SELECT id FROM " + byOwner + " WHERE owner = ? AND at = ? AND id = ?",
            entry.owner().asString(), entry.time(), id), "read the audit log of " + entry.owner()).one() != null;
        if (!present) {
            insert(entry, id);
        }
        return !present;
    }

    /** Writes the entry by owner and by month in one logged batch: all or none end up stored. */
    private void insert(AuditEntry entry, UUID id) {
        String owner = entry.owner().asString();
        String month = YearMonth.from(entry.time().atZone(ZoneOffset.UTC)).toString();
        cql.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
            cql.bind("INSERT INTO " + byOwner + " (owner, at, id, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
                owner, entry.time(), id, entry.actor(), entry.action(), entry.detail()),
            cql.bind("INSERT INTO " + byMonth + " (month, at, id, owner, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                month, entry.time(), id, owner, entry.actor(), entry.action(), entry.detail()),
            cql.bind("INSERT INTO " + months + " (log, month) VALUES (0, ?)", month)), "record an audit entry for " + entry.owner());
    }

    @Override
    public List<AuditEntry> read(Optional<Owner> owner, int limit) {
        List<AuditEntry> latestFirst = new ArrayList<>();
        if (owner.isPresent()) {
            for (Row row : cql.execute(cql.bind("SELECT at, actor, action, detail FROM " + byOwner + " WHERE owner = ? LIMIT ?",
                    owner.get().asString(), limit), "read the audit log of " + owner.get())) {
                latestFirst.add(entry(row, owner.get()));
            }
        } else {
            List<String> monthsWithEntries = new ArrayList<>();
            for (Row row : cql.execute(cql.bind("SELECT month FROM " + months + " WHERE log = 0"), "read the audit log")) {
                monthsWithEntries.add(row.getString("month"));
            }
            for (String month : monthsWithEntries) {
                if (latestFirst.size() >= limit) {
                    break;
                }
                for (Row row : cql.execute(cql.bind("SELECT at, owner, actor, action, detail FROM " + byMonth
                        + " WHERE month = ? LIMIT ?", month, limit - latestFirst.size()), "read the audit log")) {
                    latestFirst.add(entry(row, Owner.of(row.getString("owner"))));
                }
            }
        }
        Collections.reverse(latestFirst);
        return latestFirst;
    }

    private static AuditEntry entry(Row row, Owner owner) {
        return new AuditEntry(row.getInstant("at"), row.getString("actor"), owner, row.getString("action"), row.getString("detail"));
    }
}
