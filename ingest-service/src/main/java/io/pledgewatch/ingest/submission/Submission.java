package io.pledgewatch.ingest.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The head of one nation's submission for one year: which revision is current, and the last revision number handed
 * out (they differ once an older edition was loaded after a newer one: its revision is stored, not current). Its row
 * is the lock that orders revisions of the same (country, year) (see {@link SubmissionStore#lockHeads}).
 */
@Entity
@Table(name = "submission")
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "submission_seq")
    @SequenceGenerator(name = "submission_seq", sequenceName = "submission_seq", allocationSize = 50)
    @Column(name = "id")
    public Long id;

    @Column(name = "country", length = 3, nullable = false, updatable = false)
    public String country;

    @Column(name = "budget_year", nullable = false, updatable = false)
    public int year;

    /** The revision known since the latest time (ties: the later received); what GET, ETags and If-Match name. */
    @Column(name = "current_revision", nullable = false)
    public int currentRevision;

    /** The highest revision number stored; the next revision is this plus one, current or not. */
    @Column(name = "last_revision", nullable = false)
    public int lastRevision;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static String key(String country, int year) {
        return country + "/" + year;
    }
}
