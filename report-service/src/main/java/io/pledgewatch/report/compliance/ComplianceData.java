package io.pledgewatch.report.compliance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** compliance-service's JSON as this service reads it (tolerant: unknown fields are ignored). */
public final class ComplianceData {

    private ComplianceData() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assessment(String country, int year, int revision, String kind, String submissionStatus,
                             String currency, BigDecimal score, boolean assessed, String notAssessedReason,
                             Map<String, String> ruleSets, Baseline baseline, Values values, List<Target> targets,
                             List<String> notes, Instant assessedAt) {

        public Target target(String ruleSet, String target) {
            return targets == null ? null : targets.stream()
                    .filter(t -> ruleSet.equals(t.ruleSet()) && target.equals(t.target())).findFirst().orElse(null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Baseline(BigDecimal core, BigDecimal total, String source, boolean defaulted) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Values(BigDecimal core, BigDecimal equipment, BigDecimal related, BigDecimal credited,
                         BigDecimal hague) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String ruleSet, String target, BigDecimal value, BigDecimal threshold, BigDecimal path,
                         String status, BigDecimal score, Gap gapToPath, Gap gapToTarget) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gap(BigDecimal points, BigDecimal amount, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alliance(int year, int assessed, int atOrAbove2, int atOrAbove3_5, int atOrAbove5,
                           Integer onPathCore, Integer onPathTotal, BigDecimal medianCore, BigDecimal meanCore,
                           Usd usd, List<String> notAssessed, List<String> noData, String ruleSets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usd(BigDecimal europeCanada, BigDecimal unitedStates, int nationsWithoutRate,
                      int nationsWithoutAmounts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleSet(String id, String version, String title, String source, int firstYear, int lastYear,
                          BigDecimal relatedCap, Integer baselineYear, BigDecimal defaultBaseline, Integer dueYear,
                          List<TargetRule> targets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TargetRule(String target, String measure, BigDecimal threshold, String kind) {
    }
}
