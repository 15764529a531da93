package io.pledgewatch.report.briefing;

import java.time.Instant;

/**
 * A briefing's metadata and lifecycle: PENDING → RUNNING → READY, or FAILED (retried with back-off). A row of table
 * {@code briefing}, read and written by {@link BriefingStore}.
 */
public class Briefing {

    public enum Status { PENDING, RUNNING, READY, FAILED }

    public Long id;
    public String kind;
    public String country;
    public String period;
    public String periodKey;
    public String trigger;
    public Integer focusYear;
    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant leaseUntil;
    public String failureReason;
    public String requestedBy;
    public Instant createdAt;
    public Instant completedAt;
    public Long sizeBytes;
    public Integer pageCount;
    public String sha256;
    public Instant dataCutoff;
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
