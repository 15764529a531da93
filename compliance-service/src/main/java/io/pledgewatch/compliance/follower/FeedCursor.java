package io.pledgewatch.compliance.follower;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The one row saying how far the feed has been applied. Locked while a page is applied (replicas queue); the
 * lock and the move are in {@link io.pledgewatch.compliance.assessment.AssessmentStore}, with the page's writes.
 */
@Entity
@Table(name = "feed_cursor")
public class FeedCursor extends PanacheEntityBase {

    @Id
    public Integer id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static long position() {
        FeedCursor c = findById(1);
        return c.lastSeq;
    }
}
