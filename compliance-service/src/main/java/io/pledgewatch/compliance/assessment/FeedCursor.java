package io.pledgewatch.compliance.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * How far this service has applied ingest's feed: one row, moved in the same transaction as the assessments a page
 * produced, so a restart neither skips nor re-applies a revision. It lives with the assessments because every write
 * of them (a page, a re-scoring) locks this row first; the follower only reads where it stands.
 */
@Entity
@Table(name = "feed_cursor")
public class FeedCursor {

    /** The one row (the migration inserts it). */
    public static final int ID = 1;

    @Id
    @Column(name = "id")
    public int id;
    @Column(name = "last_seq", nullable = false)
    public long lastSeq;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
