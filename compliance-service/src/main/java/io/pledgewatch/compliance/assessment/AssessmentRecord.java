package io.pledgewatch.compliance.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The current assessment of one (country, year): its JSON as served, plus columns to filter on. */
@Entity
@Table(name = "assessment")
public class AssessmentRecord {

    @Id
    @Column(name = "id", length = 8)
    public String id;
    @Column(name = "country", nullable = false, length = 3)
    public String country;
    @Column(name = "budget_year", nullable = false)
    public int year;
    @Column(name = "revision", nullable = false)
    public int revision;
    @Column(name = "feed_seq", nullable = false)
    public long seq;
    @Column(name = "assessed", nullable = false)
    public boolean assessed;
    @Column(name = "score", precision = 5, scale = 1)
    public BigDecimal score;
    @Column(name = "rule_versions", nullable = false, length = 200)
    public String ruleVersions;
    @Column(name = "body", nullable = false, columnDefinition = "text")
    public String body;
    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;
}
