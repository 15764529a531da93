package io.pledgewatch.compliance.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pledgewatch.compliance.assessment.SubmissionStatus;
import io.pledgewatch.compliance.assessment.TargetStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One Ally's Hague annual plan and its verdict (design.md, The Hague annual plans; names fixed). Percentages are
 * shown to four decimals; every check compared unrounded values.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Plan(String country, String name, Instant asOf, boolean credible, Checks checks, Shortfall firstShortfall,
                   List<Year> years, Baseline baseline) {

    public record Checks(boolean complete, boolean incremental, boolean onPath, boolean reaches2035) {
    }

    /** The earliest year that fails a check (then the check order), in a sentence a delegate understands. */
    public record Shortfall(int year, PlanCheck check, String detail) {
    }

    /**
     * @param status the revision's status (PLAN, BUDGET, ...), null when the year has no figures
     * @param path35 the core path value that year; {@code path5} the total's
     */
    public record Year(int year, SubmissionStatus status, boolean amounts, BigDecimal core, BigDecimal hague,
                       BigDecimal path35, BigDecimal path5, TargetStatus coreStatus, TargetStatus totalStatus) {
    }

    /** Where the paths start: the nation's own baseline-year figures, or the rule set's default. */
    public record Baseline(int year, BigDecimal core, BigDecimal total, boolean defaulted) {
    }
}
