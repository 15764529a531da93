package io.pledgewatch.ingest.feed;

import io.pledgewatch.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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
    Jdbc jdbc;

    /**
     * Reserves {@code count} consecutive positions; returns the first. Must run in the writer's transaction, on its
     * connection (plain JDBC, like the rest of the write path: see SubmissionStore).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long reserve(int count) {
        return jdbc.first("UPDATE feed_counter SET last_seq = last_seq + ? WHERE id = 1 RETURNING last_seq",
                ps -> ps.setInt(1, count), rs -> rs.getLong(1)).orElseThrow() - count + 1;
    }

    /** The highest position handed out and committed so far. */
    public long latest() {
        return jdbc.first("SELECT last_seq FROM feed_counter WHERE id = 1", ps -> { }, rs -> rs.getLong(1)).orElseThrow();
    }
}
