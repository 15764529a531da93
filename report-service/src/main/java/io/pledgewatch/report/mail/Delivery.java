package io.pledgewatch.report.mail;

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

/**
 * One message to send: a scheduled briefing to a subscriber, or a failure alert to the operators. Its unique key
 * (briefing, kind, address) is what makes it one message per briefing whichever replica completed the briefing.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    public enum Kind { BRIEFING, ALERT }

    public enum Status { PENDING, SENDING, SENT, FAILED, GAVE_UP }

    @Id
    @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
    @Column(name = "id")
    public Long id;

    @Column(name = "briefing_id", nullable = false)
    public long briefingId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    public Kind kind;

    @Column(name = "email", nullable = false, length = 254)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    public Status status;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error", length = 2000)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    static Delivery pending(long briefingId, Kind kind, String email) {
        Delivery d = new Delivery();
        d.briefingId = briefingId;
        d.kind = kind;
        d.email = email;
        d.status = Status.PENDING;
        d.attempts = 0;
        d.createdAt = Instant.now();
        d.nextAttemptAt = d.createdAt;
        return d;
    }
}
