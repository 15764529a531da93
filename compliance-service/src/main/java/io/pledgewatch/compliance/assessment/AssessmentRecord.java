package io.pledgewatch.compliance.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The current assessment of one (country, year) (a row of table {@code assessment}): its JSON as served, plus columns
 * to filter on. Read and written by {@link AssessmentStore}.
 */
public class AssessmentRecord {

    public String id;
    public String country;
    public int year;
    public int revision;
    public long seq;
    public boolean assessed;
    public BigDecimal score;
    public String ruleVersions;
    public String body;
    public Instant assessedAt;
}
