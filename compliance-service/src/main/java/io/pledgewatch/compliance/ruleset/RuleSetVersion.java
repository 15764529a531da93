package io.pledgewatch.compliance.ruleset;

import java.time.Instant;

/**
 * One version of a rule set as it was put in force (a row of table {@code rule_set_version}); never updated or
 * deleted. Read and written by {@link RuleSetStore}.
 */
public class RuleSetVersion {

    public String id;
    public String ruleSetId;
    public String version;
    public String definition;
    public Instant activatedAt;
    public String activatedBy;

    public static String key(String ruleSetId, String version) {
        return ruleSetId + ":" + version;
    }
}
