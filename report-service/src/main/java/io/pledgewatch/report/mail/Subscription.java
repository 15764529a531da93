package io.pledgewatch.report.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An address that receives every scheduled Alliance briefing. */
@Entity
@Table(name = "subscription")
public class Subscription {

    @Id
    @Column(name = "email", length = 254)
    public String email;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;
}
