package io.pledgewatch.report.briefing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A briefing's metadata and lifecycle: PENDING → RUNNING → READY, or FAILED (retried with back-off, see
 * {@link io.pledgewatch.report.LeaseQueue}). Its PDF and tables live apart, in {@link BriefingContent}, so that
 * listings never load them.
 */
@Entity
@Table(name = "briefing")
public class Briefing {

    public enum Status { PENDING, RUNNING, READY, FAILED }

    /** The Alliance as a whole, or one nation ({@link #country}). */
    public enum Kind { ALLIANCE, NATION }

    /** Claimed for a period of the schedule, or commissioned by staff. */
    public enum Trigger { SCHEDULED, ON_DEMAND }

    @Id
    @SequenceGenerator(name = "briefing_seq", sequenceName = "briefing_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "briefing_seq")
    @Column(name = "id")
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    public Kind kind;

    @Column(name = "country", length = 3)
    public String country;

    @Column(name = "period", nullable = false, length = 40)
    public String period;

    @Column(name = "period_key", nullable = false, length = 100, unique = true)
    public String periodKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false, length = 16)
    public Trigger trigger;

    @Column(name = "focus_year")
    public Integer focusYear;

    /** The day whose figures it shows (compliance asked as of the end of that day); null: the figures when it ran. */
    @Column(name = "as_of")
    public LocalDate asOf;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    public Status status;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "failure_reason", length = 2000)
    public String failureReason;

    @Column(name = "requested_by", nullable = false, length = 200)
    public String requestedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    @Column(name = "page_count")
    public Integer pageCount;

    @Column(name = "sha256", length = 64)
    public String sha256;

    @Column(name = "data_cutoff")
    public Instant dataCutoff;

    /**
     * The key figures shown (JSON of {@link io.pledgewatch.report.figures.Snapshot}), what the next briefing's
     * "what changed" compares with.
     */
    @Column(name = "snapshot", columnDefinition = "text")
    public String snapshot;

    /** The name a download or an attachment of this briefing carries, e.g. pledgewatch-alliance-briefing-2026-11-23-060000.pdf. */
    public String fileName(String extension) {
        return "pledgewatch-" + (country == null ? "alliance" : country.toLowerCase()) + "-briefing-"
                + period.replace(":", "").replace("T", "-").replace("Z", "") + "." + extension;
    }

    public boolean isReady() {
        return status == Status.READY;
    }

    public boolean isScheduledAlliance() {
        return trigger == Trigger.SCHEDULED && kind == Kind.ALLIANCE;
    }
}
