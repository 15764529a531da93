package io.pledgewatch.report;

import java.time.Duration;
import java.time.Instant;

/**
 * The one discipline of report's two work queues, briefing runs and mail deliveries. A row is due when it is new, or
 * failed and past its back-off, or when the replica that leased it died (its lease has expired). Taking a row counts
 * an attempt and leases it, so replicas never work on it twice at once; a failure waits {@code backoff} doubled after
 * each further attempt, capped at an hour, until {@code maxAttempts} have been made.
 */
public record LeaseQueue(int maxAttempts, Duration backoff, Duration lease) {

    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /** What the reason columns hold (VARCHAR(2000)). */
    static final int REASON_LENGTH = 2000;

    /** Until when a row taken at {@code now} is this replica's. */
    public Instant leaseUntil(Instant now) {
        return now.plus(lease);
    }

    /** When a row that failed its {@code attempts}-th attempt is due again. */
    public Instant retryAt(int attempts, Instant now) {
        Duration wait = backoff.multipliedBy(1L << Math.clamp(attempts - 1, 0, 7));
        return now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }

    /** Whether the {@code attempts}-th attempt was the last one. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** A failure's reason as the reason columns hold it. */
    public static String reason(String why) {
        return why == null || why.length() <= REASON_LENGTH ? why : why.substring(0, REASON_LENGTH);
    }
}
