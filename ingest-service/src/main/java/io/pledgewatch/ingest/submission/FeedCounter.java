package io.pledgewatch.ingest.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row whose lock orders the change feed; {@link FeedSequencer} explains how. */
@Entity
@Table(name = "feed_counter")
public class FeedCounter {

    /** The one row's id. */
    public static final int ROW = 1;

    @Id
    @Column(name = "id")
    public Integer id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;
}
