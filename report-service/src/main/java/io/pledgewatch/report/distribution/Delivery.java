package io.pledgewatch.report.distribution;

import java.time.Instant;

/**
 * One message to send: a scheduled briefing to a subscriber, or a failure alert to the operators. Its unique key
 * (briefing, kind, address) is what makes it one message per briefing whichever replica completed the briefing.
 */
public class Delivery {

    public enum Kind { BRIEFING, ALERT }

    public enum Status { PENDING, SENDING, SENT, FAILED, GAVE_UP }

    public Long id;

    public long briefingId;

    public String kind;

    public String email;

    public String status;

    public int attempts;

    public Instant nextAttemptAt;

    public Instant leaseUntil;

    public String lastError;

    public Instant createdAt;

    public Instant sentAt;

    static Delivery pending(long briefingId, Kind kind, String email) {
        Delivery d = new Delivery();
        d.briefingId = briefingId;
        d.kind = kind.name();
        d.email = email;
        d.status = Status.PENDING.name();
        d.attempts = 0;
        d.createdAt = Instant.now();
        d.nextAttemptAt = d.createdAt;
        return d;
    }
}
