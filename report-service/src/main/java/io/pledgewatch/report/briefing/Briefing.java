package io.pledgewatch.report.briefing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A briefing's metadata and lifecycle: PENDING → RUNNING → READY, or FAILED (retried with back-off). */
@Entity
@Table(name = "briefing")
public class Briefing extends PanacheEntityBase {

    public enum Status { PENDING, RUNNING, READY, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "briefing_ids")
    @SequenceGenerator(name = "briefing_ids", sequenceName = "briefing_seq", allocationSize = 1)
    public Long id;
    @Column(nullable = false)
    public String kind;
    public String country;
    @Column(nullable = false)
    public String period;
    @Column(name = "period_key", nullable = false)
    public String periodKey;
    @Column(name = "trigger_type", nullable = false)
    public String trigger;
    @Column(name = "focus_year")
    public Integer focusYear;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "failure_reason", length = 2000)
    public String failureReason;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    @Column(name = "page_count")
    public Integer pageCount;
    public String sha256;
    @Column(name = "data_cutoff")
    public Instant dataCutoff;
    @Column(columnDefinition = "text")
    public String snapshot;

    /** The name a download or an attachment of this briefing carries, e.g. pledgewatch-alliance-briefing-2026-11-23-060000.pdf. */
    public String fileName(String extension) {
        return "pledgewatch-" + (country == null ? "alliance" : country.toLowerCase()) + "-briefing-"
                + period.replace(":", "").replace("T", "-").replace("Z", "") + "." + extension;
    }

    public boolean isReady() {
        return Status.READY.name().equals(status);
    }
}
