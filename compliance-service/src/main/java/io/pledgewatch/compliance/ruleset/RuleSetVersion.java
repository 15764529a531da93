package io.pledgewatch.compliance.ruleset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a rule set as it was put in force; never updated or deleted. */
@Entity
@Table(name = "rule_set_version")
public class RuleSetVersion {

    @Id
    @Column(name = "id", length = 50)
    public String id;
    @Column(name = "rule_set_id", nullable = false, length = 32)
    public String ruleSetId;
    @Column(name = "version", nullable = false, length = 16)
    public String version;
    @Column(name = "definition", nullable = false, columnDefinition = "text")
    public String definition;
    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;
    @Column(name = "activated_by", nullable = false, length = 200)
    public String activatedBy;

    public static String key(String ruleSetId, String version) {
        return ruleSetId + ":" + version;
    }
}
