package io.pledgewatch.report.briefing;

import io.pledgewatch.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every statement on briefings and their PDFs (tables {@code briefing} and {@code briefing_pdf}), in plain JDBC on the
 * caller's transaction ({@link Jdbc}). Report has no ORM: Hibernate's boot and classes were a fifth of its start-up
 * and a quarter of its memory (README, Benchmark) for a handful of rows a day. {@link Briefing} and
 * {@link BriefingContent} are plain holders of the rows; a changed briefing is written back by {@link #update}.
 */
@ApplicationScoped
public class BriefingStore {

    private static final String COLUMNS = "id, kind, country, period, period_key, trigger_type, focus_year, status,"
            + " attempts, next_attempt_at, lease_until, failure_reason, requested_by, created_at, completed_at,"
            + " size_bytes, page_count, sha256, data_cutoff, snapshot";

    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";

    @Inject
    Jdbc jdbc;

    public Optional<Briefing> find(long id) {
        return jdbc.first("SELECT " + COLUMNS + " FROM briefing WHERE id = ?", ps -> ps.setLong(1, id),
                BriefingStore::briefing);
    }

    /** At most {@code limit} briefings, newest first. */
    public List<Briefing> newestFirst(int limit) {
        return jdbc.list("SELECT " + COLUMNS + " FROM briefing" + NEWEST_FIRST + " LIMIT ?", ps -> ps.setInt(1, limit),
                BriefingStore::briefing);
    }

    /** The newest READY briefing of a kind and nation ({@code null}: the Alliance's). */
    public Optional<Briefing> latestReady(String kind, String country) {
        return jdbc.first("SELECT " + COLUMNS + " FROM briefing WHERE status = 'READY' AND kind = ?"
                + " AND country IS NOT DISTINCT FROM ?" + NEWEST_FIRST + " LIMIT 1", ps -> {
                    ps.setString(1, kind);
                    ps.setString(2, country);
                }, BriefingStore::briefing);
    }

    public boolean periodClaimed(String periodKey) {
        return jdbc.first("SELECT 1 FROM briefing WHERE period_key = ?", ps -> ps.setString(1, periodKey), rs -> true)
                .isPresent();
    }

    /** Ids of at most {@code limit} briefings due at {@code now}: new or failed with attempts left, or abandoned. */
    public List<Long> due(Instant now, int maxAttempts, int limit) {
        return jdbc.list("SELECT id FROM briefing WHERE (status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?"
                + " AND attempts < ?) OR (status = 'RUNNING' AND lease_until < ?) ORDER BY id LIMIT ?", ps -> {
                    ps.setObject(1, Jdbc.timestamp(now));
                    ps.setInt(2, maxAttempts);
                    ps.setObject(3, Jdbc.timestamp(now));
                    ps.setInt(4, limit);
                }, rs -> rs.getLong(1));
    }

    /**
     * Takes the lease on briefing {@code id} until {@code until} if it is due (see {@link #due}), counting an attempt.
     * One conditional UPDATE, so of replicas racing for the same briefing exactly one wins.
     */
    public boolean lease(long id, Instant until, int maxAttempts, Instant now) {
        return jdbc.update("UPDATE briefing SET status = 'RUNNING', lease_until = ?, attempts = attempts + 1"
                + " WHERE id = ? AND ((status IN ('PENDING', 'FAILED') AND attempts < ?)"
                + " OR (status = 'RUNNING' AND lease_until < ?))", ps -> {
                    ps.setObject(1, Jdbc.timestamp(until));
                    ps.setLong(2, id);
                    ps.setInt(3, maxAttempts);
                    ps.setObject(4, Jdbc.timestamp(now));
                }) > 0;
    }

    /** Inserts {@code b} and gives it its id; a second claim of the same period is refused by its unique key. */
    public void insert(Briefing b) {
        b.id = jdbc.first("INSERT INTO briefing (" + COLUMNS + ") VALUES (nextval('briefing_seq')"
                + ", ?".repeat(COLUMNS.split(",").length - 1) + ") RETURNING id", ps -> bind(ps, b, 1),
                rs -> rs.getLong(1)).orElseThrow();
    }

    /** Writes every column of {@code b} but its id and what never changes. */
    public void update(Briefing b) {
        jdbc.update("UPDATE briefing SET focus_year = ?, status = ?, attempts = ?, next_attempt_at = ?,"
                + " lease_until = ?, failure_reason = ?, completed_at = ?, size_bytes = ?, page_count = ?, sha256 = ?,"
                + " data_cutoff = ?, snapshot = ? WHERE id = ?", ps -> {
                    int i = 1;
                    ps.setObject(i++, b.focusYear, Types.INTEGER);
                    ps.setString(i++, b.status);
                    ps.setInt(i++, b.attempts);
                    ps.setObject(i++, Jdbc.timestamp(b.nextAttemptAt));
                    ps.setObject(i++, Jdbc.timestamp(b.leaseUntil));
                    ps.setString(i++, b.failureReason);
                    ps.setObject(i++, Jdbc.timestamp(b.completedAt));
                    ps.setObject(i++, b.sizeBytes, Types.BIGINT);
                    ps.setObject(i++, b.pageCount, Types.INTEGER);
                    ps.setString(i++, b.sha256);
                    ps.setObject(i++, Jdbc.timestamp(b.dataCutoff));
                    ps.setString(i++, b.snapshot);
                    ps.setLong(i, b.id);
                });
    }

    /** Ids of READY briefings beyond the newest {@code keep} (at most a thousand at a time). */
    public List<Long> readyBeyond(int keep) {
        return jdbc.list("SELECT id FROM briefing WHERE status = 'READY'" + NEWEST_FIRST + " OFFSET ? LIMIT 1000",
                ps -> ps.setInt(1, keep), rs -> rs.getLong(1));
    }

    /** Deletes a briefing; its PDF goes with it (ON DELETE CASCADE). */
    public void delete(long id) {
        jdbc.update("DELETE FROM briefing WHERE id = ?", ps -> ps.setLong(1, id));
    }

    public void insertContent(BriefingContent c) {
        jdbc.update("INSERT INTO briefing_pdf (briefing_id, content, tables) VALUES (?, ?, ?)", ps -> {
            ps.setLong(1, c.briefingId);
            ps.setBytes(2, c.content);
            ps.setString(3, c.tables);
        });
    }

    /** The PDF of a READY briefing; empty for any other. */
    public Optional<byte[]> pdf(long id) {
        return jdbc.first("SELECT content FROM briefing_pdf WHERE briefing_id = ?", ps -> ps.setLong(1, id),
                rs -> rs.getBytes(1));
    }

    /** The tables (JSON) stored with a READY briefing; empty for any other, or one made before tables were kept. */
    public Optional<String> tables(long id) {
        return jdbc.first("SELECT tables FROM briefing_pdf WHERE briefing_id = ?", ps -> ps.setLong(1, id),
                rs -> rs.getString(1));
    }

    /** Binds every column after the id, from parameter {@code first}. */
    private static void bind(PreparedStatement ps, Briefing b, int first) throws SQLException {
        int i = first;
        ps.setString(i++, b.kind);
        ps.setString(i++, b.country);
        ps.setString(i++, b.period);
        ps.setString(i++, b.periodKey);
        ps.setString(i++, b.trigger);
        ps.setObject(i++, b.focusYear, Types.INTEGER);
        ps.setString(i++, b.status);
        ps.setInt(i++, b.attempts);
        ps.setObject(i++, Jdbc.timestamp(b.nextAttemptAt));
        ps.setObject(i++, Jdbc.timestamp(b.leaseUntil));
        ps.setString(i++, b.failureReason);
        ps.setString(i++, b.requestedBy);
        ps.setObject(i++, Jdbc.timestamp(b.createdAt));
        ps.setObject(i++, Jdbc.timestamp(b.completedAt));
        ps.setObject(i++, b.sizeBytes, Types.BIGINT);
        ps.setObject(i++, b.pageCount, Types.INTEGER);
        ps.setString(i++, b.sha256);
        ps.setObject(i++, Jdbc.timestamp(b.dataCutoff));
        ps.setString(i, b.snapshot);
    }

    private static Briefing briefing(ResultSet rs) throws SQLException {
        Briefing b = new Briefing();
        int i = 1;
        b.id = rs.getLong(i++);
        b.kind = rs.getString(i++);
        b.country = rs.getString(i++);
        b.period = rs.getString(i++);
        b.periodKey = rs.getString(i++);
        b.trigger = rs.getString(i++);
        b.focusYear = rs.getObject(i++, Integer.class);
        b.status = rs.getString(i++);
        b.attempts = rs.getInt(i++);
        b.nextAttemptAt = Jdbc.instant(rs, i++);
        b.leaseUntil = Jdbc.instant(rs, i++);
        b.failureReason = rs.getString(i++);
        b.requestedBy = rs.getString(i++);
        b.createdAt = Jdbc.instant(rs, i++);
        b.completedAt = Jdbc.instant(rs, i++);
        b.sizeBytes = rs.getObject(i++, Long.class);
        b.pageCount = rs.getObject(i++, Integer.class);
        b.sha256 = rs.getString(i++);
        b.dataCutoff = Jdbc.instant(rs, i++);
        b.snapshot = rs.getString(i);
        return b;
    }
}
