package io.pledgewatch.ingest.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Hands out feed positions so that a consumer reading {@code after=SEQ} can never skip a revision.
 *
 * <p>Why this holds even when transactions commit out of order: a position is taken by incrementing the one
 * row of {@code feed_counter} inside the writing transaction, as its last step before commit. That UPDATE
 * holds the row lock until the transaction ends, so a second writer cannot take a position until the first
 * has committed or rolled back. Positions therefore become visible in exactly the order they are numbered:
 * once a reader sees position N, every position below N is already committed (or was never used, because a
 * rolled-back increment is undone with its transaction and reissued). A database sequence would not do:
 * it hands out numbers at insert time and transactions may commit in any order, so a reader could see 8,
 * move its cursor past 7, and lose 7 when it commits a moment later.
 */
@ApplicationScoped
public class FeedSequencer {

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    /**
     * Reserves {@code count} consecutive positions; returns the first. Must run in the writer's transaction, on its
     * connection (plain JDBC, like the rest of the write path: see SubmissionStore).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long reserve(int count) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE feed_counter SET last_seq = last_seq + ? WHERE id = 1"
                     + " RETURNING last_seq")) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not reserve feed positions", e);
        }
    }

    /** The highest position handed out and committed so far. */
    public long latest() {
        return ((Number) em.createNativeQuery("SELECT last_seq FROM feed_counter WHERE id = 1")
                .getSingleResult()).longValue();
    }
}
