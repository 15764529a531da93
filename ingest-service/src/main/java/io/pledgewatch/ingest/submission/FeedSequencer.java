package io.pledgewatch.ingest.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.StatelessSession;
import org.hibernate.type.StandardBasicTypes;

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
 *
 * <p>The increment is one {@code UPDATE ... RETURNING} rather than a read and a write of the {@link FeedCounter}
 * entity: the statement that takes the lock is the one that moves the counter, so no writer can read a value
 * another is about to change.
 *
 * <p>It belongs to the submissions, not to {@code feed}: the position is taken by the writing transaction
 * ({@link SubmissionService}), and the feed package only reads what the writes numbered.
 */
@ApplicationScoped
public class FeedSequencer {

    @Inject
    StatelessSession session;

    /**
     * Reserves {@code count} consecutive positions; returns the first. Must run in the writer's transaction, so that
     * the row lock lasts until its commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long reserve(int count) {
        // addScalar, not Long.class: a result-class mapping of a basic type adds a cached plan on every call
        // (docs/decisions/0011-native-scalar-queries.md).
        long last = (Long) session.createNativeQuery(
                        "update feed_counter set last_seq = last_seq + :count where id = :row returning last_seq")
                .addScalar("last_seq", StandardBasicTypes.LONG)
                .setParameter("count", count)
                .setParameter("row", FeedCounter.ROW)
                .getSingleResult();
        return last - count + 1;
    }

    /** The highest position handed out and committed so far. */
    @Transactional
    public long latest() {
        return session.get(FeedCounter.class, FeedCounter.ROW).lastSeq;
    }
}
