package io.pledgewatch.compliance.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The current assessment of one (country, year): its JSON as served, plus columns to filter on. */
@Entity
@Table(name = "assessment")
public class AssessmentRecord extends PanacheEntityBase {

    @Id
    public String id;
    @Column(nullable = false)
    public String country;
    @Column(name = "budget_year", nullable = false)
    public int year;
    @Column(nullable = false)
    public int revision;
    @Column(name = "feed_seq", nullable = false)
    public long seq;
    @Column(nullable = false)
    public boolean assessed;
    public BigDecimal score;
    @Column(name = "rule_versions", nullable = false)
    public String ruleVersions;
    @Column(nullable = false, columnDefinition = "text")
    public String body;
    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;
}
