package io.pledgewatch.report.distribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
public class Delivery extends PanacheEntityBase {

    public enum Kind { BRIEFING, ALERT }

    public enum Status { PENDING, SENDING, SENT, FAILED, GAVE_UP }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
    @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 50)
    public Long id;

    @Column(name = "briefing_id", nullable = false)
    public long briefingId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
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
