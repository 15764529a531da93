package io.pledgewatch.compliance.assessment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One nation's assessment for one year, in the contract's shape. Percentages are shown to four decimals and
 * amounts in whole currency units; every comparison behind {@code status} was made on unrounded values,
 * which stay available to the Alliance aggregation through {@link #unrounded()}. {@code measures} is the analyst
 * block (shares, Ukraine support, USD, per head and per soldier, constant prices, real change). {@code asOf} is the
 * day an assessment was asked as of (absent on the current one, which is stored). {@code source} is the assessed
 * revision's source: for a ratio NATO published, the edition that published it.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assessment(String country, int year, int revision, long seq, RevisionKind kind,
                         SubmissionStatus submissionStatus,
                         String currency, BigDecimal score, boolean assessed, String notAssessedReason,
                         Map<String, String> ruleSets, Baseline baseline, Values values, List<TargetResult> targets,
                         List<String> notes, Instant assessedAt, AnalystMeasures measures, LocalDate asOf,
                         String source, @JsonIgnore Unrounded unrounded) {

    /** The nation's own starting point for The Hague path, or the default when it has no 2025 figures. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Baseline(BigDecimal core, BigDecimal total, String source, boolean defaulted) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Values(BigDecimal core, BigDecimal equipment, BigDecimal related, BigDecimal credited, BigDecimal hague) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gap(BigDecimal points, BigDecimal amount, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetResult(String ruleSet, String target, BigDecimal value, BigDecimal threshold, BigDecimal path,
                               TargetStatus status, BigDecimal score, Gap gapToPath, Gap gapToTarget) {
    }

    /** Unrounded values: core%, equipment% (null when unknown), related%, credited%, hague%. */
    public record Unrounded(BigDecimal core, BigDecimal equipment, BigDecimal related, BigDecimal credited,
                           BigDecimal hague) {
    }

    public Assessment withAssessedAt(Instant at) {
        return new Assessment(country, year, revision, seq, kind, submissionStatus, currency, score, assessed,
                notAssessedReason, ruleSets, baseline, values, targets, notes, at, measures, asOf, source, unrounded);
    }

    public Assessment withMeasures(AnalystMeasures analyst) {
        return new Assessment(country, year, revision, seq, kind, submissionStatus, currency, score, assessed,
                notAssessedReason, ruleSets, baseline, values, targets, notes, assessedAt, analyst, asOf, source, unrounded);
    }

    public Assessment withAsOf(LocalDate day) {
        return new Assessment(country, year, revision, seq, kind, submissionStatus, currency, score, assessed,
                notAssessedReason, ruleSets, baseline, values, targets, notes, assessedAt, measures, day, source, unrounded);
    }

    public TargetResult target(String ruleSet, String target) {
        return targets == null ? null : targets.stream()
                .filter(t -> t.ruleSet().equals(ruleSet) && t.target().equals(target)).findFirst().orElse(null);
    }
}
