package io.pledgewatch.compliance.ruleset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a rule set as it was put in force; never updated or deleted. */
@Entity
@Table(name = "rule_set_version")
public class RuleSetVersion extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "rule_set_id", nullable = false)
    public String ruleSetId;
    @Column(nullable = false)
    public String version;
    @Column(nullable = false, columnDefinition = "text")
    public String definition;
    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;
    @Column(name = "activated_by", nullable = false)
    public String activatedBy;

    public static String key(String ruleSetId, String version) {
        return ruleSetId + ":" + version;
    }
}
