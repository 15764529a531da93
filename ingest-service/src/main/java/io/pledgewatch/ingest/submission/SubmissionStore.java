package io.pledgewatch.ingest.submission;

import io.pledgewatch.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every statement ingest runs on its submissions, in plain JDBC ({@link Jdbc}, on the caller's transaction if there is
 * one). Ingest has no ORM: through Hibernate the write path's per-query machinery, result mapping and flush were a
 * third of its CPU per PUT, and Hibernate's boot and classes a sixth of its start-up and a quarter of its memory
 * (README, Benchmark), while none of it is needed to lock a few rows, read them and insert a few more.
 * {@link Submission} and {@link SubmissionRevision} are plain holders of the rows; the column lists here are the
 * tables' (Flyway's migrations), and the tests of the write path and the reads exercise every one of them.
 *
 * <p>Ids come from the tables' sequences directly. The sequences step by 50 (they were made for Hibernate's pooled
 * ids); a value drawn here is used as it is.
 */
@ApplicationScoped
public class SubmissionStore {

    private static final int KEYS_PER_QUERY = 1000;

    private static final String REVISION_COLUMNS = "id, submission_id, country, budget_year, revision, feed_seq, kind,"
            + " status, currency, gdp, defence_total, equipment, personnel, infrastructure, other_spending,"
            + " ukraine_support, related_critical_infrastructure, related_cyber_and_networks, related_civil_preparedness,"
            + " related_innovation, related_industrial_base, usd_rate, defence_pct_gdp, equipment_pct, source, note,"
            + " population, military_personnel, price_index, content_hash, received_at, submitted_by, import_id";

    /** Ids are drawn by the insert itself. */
    private static final String INSERT_REVISION = "INSERT INTO submission_revision (" + REVISION_COLUMNS + ") VALUES ("
            + "nextval('submission_revision_seq')" + ", ?".repeat(REVISION_COLUMNS.split(",").length - 1) + ")";

    @Inject
    Jdbc jdbc;

    /**
     * Locks the heads of {@code keys} (country, year; sorted by the caller) and returns them keyed by
     * {@link Submission#key}; keys without a head yet are absent. ORDER BY ... FOR UPDATE locks in that order, the same
     * for every writer, so writers cannot deadlock. Their current revisions are read by a second statement
     * ({@link #currentRevisions}) on purpose: a head updated while this one waited for its lock is returned as
     * committed, and only a statement that starts after the lock sees the revision committed with it.
     */
    public Map<String, Submission> lockHeads(List<Map.Entry<String, Integer>> keys) {
        Map<String, Submission> heads = new HashMap<>();
        inPairs("SELECT id, country, budget_year, current_revision, created_at, updated_at FROM submission"
                + " WHERE (country, budget_year) IN (%s) ORDER BY country, budget_year FOR UPDATE", keys,
                (ps, i, key) -> {
                    ps.setString(i, key.getKey());
                    ps.setInt(i + 1, key.getValue());
                }, rs -> {
                    Submission h = new Submission();
                    h.id = rs.getLong(1);
                    h.country = rs.getString(2);
                    h.year = rs.getInt(3);
                    h.currentRevision = rs.getInt(4);
                    h.createdAt = Jdbc.instant(rs, 5);
                    h.updatedAt = Jdbc.instant(rs, 6);
                    heads.put(Submission.key(h.country, h.year), h);
                });
        return heads;
    }

    /** The current revisions of {@code heads}, keyed as {@link #lockHeads} keys them ({@link Submission#key}). */
    public Map<String, SubmissionRevision> currentRevisions(Collection<Submission> heads) {
        Map<String, SubmissionRevision> currents = new HashMap<>();
        inPairs("SELECT " + REVISION_COLUMNS + " FROM submission_revision WHERE (submission_id, revision) IN (%s)",
                List.copyOf(heads), (ps, i, h) -> {
                    ps.setLong(i, h.id);
                    ps.setInt(i + 1, h.currentRevision);
                }, rs -> {
                    SubmissionRevision r = revision(rs);
                    currents.put(Submission.key(r.country, r.year), r);
                });
        return currents;
    }

    /**
     * The feed: revisions after position {@code afterSeq}, oldest first, at most {@code limit}. Served to compliance
     * a few dozen times a second under load; through Hibernate the page cost a tenth of ingest's CPU.
     */
    public List<SubmissionRevision> feed(long afterSeq, int limit) {
        return jdbc.list("SELECT " + REVISION_COLUMNS + " FROM submission_revision WHERE feed_seq > ?"
                + " ORDER BY feed_seq LIMIT ?", ps -> {
                    ps.setLong(1, afterSeq);
                    ps.setInt(2, limit);
                }, SubmissionStore::revision);
    }

    /**
     * The current revision of one (country, year): what a delegation's client reads before each revision (for its
     * ETag). Through Hibernate this read cost several times a write's CPU.
     */
    public Optional<SubmissionRevision> current(String country, int year) {
        return jdbc.first("SELECT " + REVISION_COLUMNS + " FROM submission_revision WHERE (submission_id, revision) ="
                + " (SELECT id, current_revision FROM submission WHERE country = ? AND budget_year = ?)", ps -> {
                    ps.setString(1, country);
                    ps.setInt(2, year);
                }, SubmissionStore::revision);
    }

    /**
     * Every revision of one (country, year), oldest first; empty when the nation has never submitted that year (a
     * head always has at least one revision).
     */
    public List<SubmissionRevision> history(String country, int year) {
        return jdbc.list("SELECT " + REVISION_COLUMNS + " FROM submission_revision WHERE submission_id ="
                + " (SELECT id FROM submission WHERE country = ? AND budget_year = ?) ORDER BY revision", ps -> {
                    ps.setString(1, country);
                    ps.setInt(2, year);
                }, SubmissionStore::revision);
    }

    /** The current revisions, of one nation and/or one year when given, by country and year. */
    public List<SubmissionRevision> currents(String country, Integer year) {
        return jdbc.list("SELECT " + REVISION_COLUMNS + " FROM submission_revision WHERE (submission_id, revision) IN"
                + " (SELECT id, current_revision FROM submission WHERE (CAST(? AS VARCHAR) IS NULL OR country = ?)"
                + " AND (CAST(? AS INTEGER) IS NULL OR budget_year = ?)) ORDER BY country, budget_year", ps -> {
                    ps.setString(1, country);
                    ps.setString(2, country);
                    ps.setObject(3, year, Types.INTEGER);
                    ps.setObject(4, year, Types.INTEGER);
                }, SubmissionStore::revision);
    }

    /** Inserts new heads and gives them their ids. */
    public void insertHeads(List<Submission> heads) {
        if (heads.isEmpty()) {
            return;
        }
        Iterator<Submission> unnumbered = heads.iterator();
        jdbc.query("SELECT nextval('submission_seq') FROM generate_series(1, ?)", ps -> ps.setInt(1, heads.size()),
                rs -> unnumbered.next().id = rs.getLong(1));
        jdbc.run("INSERT INTO submission (id, country, budget_year, current_revision, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    for (Submission h : heads) {
                        ps.setLong(1, h.id);
                        ps.setString(2, h.country);
                        ps.setInt(3, h.year);
                        ps.setInt(4, h.currentRevision);
                        ps.setObject(5, Jdbc.timestamp(h.createdAt));
                        ps.setObject(6, Jdbc.timestamp(h.updatedAt));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                });
    }

    /** Writes the heads' new current revision numbers. */
    public void updateHeads(List<Submission> heads) {
        if (heads.isEmpty()) {
            return;
        }
        jdbc.run("UPDATE submission SET current_revision = ?, updated_at = ? WHERE id = ?", ps -> {
            for (Submission h : heads) {
                ps.setInt(1, h.currentRevision);
                ps.setObject(2, Jdbc.timestamp(h.updatedAt));
                ps.setLong(3, h.id);
                ps.addBatch();
            }
            ps.executeBatch();
        });
    }

    /** Inserts revisions in one batch; their ids are drawn by the insert itself. */
    public void insertRevisions(List<SubmissionRevision> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        jdbc.run(INSERT_REVISION, ps -> {
            for (SubmissionRevision r : revisions) {
                int i = 1;
                ps.setLong(i++, r.submissionId);
                ps.setString(i++, r.country);
                ps.setInt(i++, r.year);
                ps.setInt(i++, r.revision);
                ps.setLong(i++, r.feedSeq);
                ps.setString(i++, r.kind.name());
                ps.setString(i++, r.status);
                ps.setString(i++, r.currency);
                for (BigDecimal v : new BigDecimal[] {r.gdp, r.defenceTotal, r.equipment, r.personnel, r.infrastructure,
                        r.other, r.ukraineSupport, r.criticalInfrastructure, r.cyberAndNetworks, r.civilPreparedness,
                        r.innovation, r.industrialBase, r.usdRate, r.defencePctGdp, r.equipmentPct}) {
                    Jdbc.decimal(ps, i++, v);
                }
                ps.setString(i++, r.source);
                ps.setString(i++, r.note);
                Jdbc.decimal(ps, i++, r.population);
                Jdbc.decimal(ps, i++, r.militaryPersonnel);
                Jdbc.decimal(ps, i++, r.priceIndex);
                ps.setString(i++, r.contentHash);
                ps.setObject(i++, Jdbc.timestamp(r.receivedAt));
                ps.setString(i++, r.submittedBy);
                ps.setString(i, r.importId);
                ps.addBatch();
            }
            ps.executeBatch();
        });
    }

    private static SubmissionRevision revision(ResultSet rs) throws SQLException {
        SubmissionRevision r = new SubmissionRevision();
        int i = 1;
        r.id = rs.getLong(i++);
        r.submissionId = rs.getLong(i++);
        r.country = rs.getString(i++);
        r.year = rs.getInt(i++);
        r.revision = rs.getInt(i++);
        r.feedSeq = rs.getLong(i++);
        r.kind = RevisionContent.Kind.valueOf(rs.getString(i++));
        r.status = rs.getString(i++);
        r.currency = rs.getString(i++);
        r.gdp = rs.getBigDecimal(i++);
        r.defenceTotal = rs.getBigDecimal(i++);
        r.equipment = rs.getBigDecimal(i++);
        r.personnel = rs.getBigDecimal(i++);
        r.infrastructure = rs.getBigDecimal(i++);
        r.other = rs.getBigDecimal(i++);
        r.ukraineSupport = rs.getBigDecimal(i++);
        r.criticalInfrastructure = rs.getBigDecimal(i++);
        r.cyberAndNetworks = rs.getBigDecimal(i++);
        r.civilPreparedness = rs.getBigDecimal(i++);
        r.innovation = rs.getBigDecimal(i++);
        r.industrialBase = rs.getBigDecimal(i++);
        r.usdRate = rs.getBigDecimal(i++);
        r.defencePctGdp = rs.getBigDecimal(i++);
        r.equipmentPct = rs.getBigDecimal(i++);
        r.source = rs.getString(i++);
        r.note = rs.getString(i++);
        r.population = rs.getBigDecimal(i++);
        r.militaryPersonnel = rs.getBigDecimal(i++);
        r.priceIndex = rs.getBigDecimal(i++);
        r.contentHash = rs.getString(i++);
        r.receivedAt = Jdbc.instant(rs, i++);
        r.submittedBy = rs.getString(i++);
        r.importId = rs.getString(i);
        return r;
    }

    private interface Pair<K> {
        void bind(PreparedStatement ps, int firstIndex, K key) throws SQLException;
    }

    /** Runs query {@code sql}, whose {@code %s} is a list of {@code (?, ?)} pairs, for a thousand keys at a time. */
    private <K> void inPairs(String sql, List<K> keys, Pair<K> pair, Jdbc.Rows rows) {
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<K> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            jdbc.query(sql.formatted(String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)"))), ps -> {
                int i = 1;
                for (K key : chunk) {
                    pair.bind(ps, i, key);
                    i += 2;
                }
            }, rows);
        }
    }
}
