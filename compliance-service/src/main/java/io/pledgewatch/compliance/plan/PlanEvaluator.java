package io.pledgewatch.compliance.plan;

import io.pledgewatch.compliance.assessment.Assessment;
import io.pledgewatch.compliance.assessment.ScoringEngine;
import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.compliance.assessment.TargetStatus;
import io.pledgewatch.compliance.ruleset.RuleSet;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a Hague annual plan: the nation's current revisions for the years after the baseline year up to the due
 * year (2026–2035), whatever their status. The paths, thresholds, baseline and cap come from the path rule set in
 * force (hague-2025), so a new version of it changes every verdict at once.
 * <pre>
 * complete     every year has a revision with amounts (a published ratio counts for no year of a plan)
 * incremental  core%(y) >= core%(y-1) and hague%(y) >= hague%(y-1) for every consecutive pair
 * onPath       core%(y) >= path35(y) and hague%(y) >= path5(y) for every year
 * reaches2035  core% and hague% of the due year at or above their targets
 * credible     all four; firstShortfall = the earliest failing year, then the check order above
 * </pre>
 */
public final class PlanEvaluator {

    private final RuleSet hague;
    private final BigDecimal cap;
    private final BigDecimal coreTarget;
    private final BigDecimal totalTarget;

    /** @return empty when no path rule set is in force (then there is no plan to judge) */
    public static Optional<PlanEvaluator> forRuleSets(List<RuleSet> ruleSets) {
        Optional<RuleSet> path = ruleSets.stream().filter(RuleSet::hasPathTargets).findFirst();
        BigDecimal cap = ruleSets.stream().map(RuleSet::relatedCap).filter(c -> c != null).findFirst().orElse(null);
        return path.map(r -> new PlanEvaluator(r, cap));
    }

    PlanEvaluator(RuleSet hague, BigDecimal cap) {
        this.hague = hague;
        this.cap = cap;
        this.coreTarget = threshold(hague, RuleSet.Measure.CORE);
        this.totalTarget = threshold(hague, RuleSet.Measure.CORE_PLUS_RELATED);
    }

    public int firstYear() {
        return hague.baselineYear() + 1;
    }

    public int lastYear() {
        return hague.dueYear();
    }

    public int baselineYear() {
        return hague.baselineYear();
    }

    /** @param inputs the nation's current revisions by year (the baseline year and the plan years; others ignored) */
    public Plan evaluate(Ally ally, Map<Integer, ScoringInput> inputs, Instant asOf) {
        Paths paths = paths(inputs);
        List<Plan.Year> years = new ArrayList<>();
        List<Plan.Shortfall> failures = new ArrayList<>();
        Assessment.Unrounded before = null;
        for (int y = firstYear(); y <= lastYear(); y++) {
            ScoringInput in = inputs.get(y);
            BigDecimal p35 = paths.core(y);
            BigDecimal p5 = paths.total(y);
            Assessment.Unrounded m = in == null ? null : ScoringEngine.unrounded(in, cap);
            if (in == null) {
                failures.add(new Plan.Shortfall(y, PlanCheck.COMPLETE, ally.name() + " has no figures for " + y
                        + ": a plan needs amounts for every year " + firstYear() + "–" + lastYear() + "."));
            } else if (in.publishedRatio()) {
                failures.add(new Plan.Shortfall(y, PlanCheck.COMPLETE, "for " + y + " there is only the ratio NATO published, not "
                        + "amounts: a plan needs amounts for every year " + firstYear() + "–" + lastYear() + "."));
            }
            if (m != null && before != null) {
                if (m.core().compareTo(before.core()) < 0) {
                    failures.add(new Plan.Shortfall(y, PlanCheck.INCREMENTAL, "core defence spending falls from "
                            + pct(before.core()) + " of GDP in " + (y - 1) + " to " + pct(m.core()) + " in " + y
                            + ": each year must at least match the year before."));
                } else if (m.hague().compareTo(before.hague()) < 0) {
                    failures.add(new Plan.Shortfall(y, PlanCheck.INCREMENTAL, "total spending (core plus credited related) falls "
                            + "from " + pct(before.hague()) + " of GDP in " + (y - 1) + " to " + pct(m.hague()) + " in "
                            + y + ": each year must at least match the year before."));
                }
            }
            if (m != null) {
                if (m.core().compareTo(p35) < 0) {
                    failures.add(new Plan.Shortfall(y, PlanCheck.ON_PATH, "in " + y + " core defence spending of " + pct(m.core())
                            + " of GDP is below the path to " + plain(coreTarget) + "% in " + lastYear() + " ("
                            + pct(p35) + " that year)."));
                } else if (m.hague().compareTo(p5) < 0) {
                    failures.add(new Plan.Shortfall(y, PlanCheck.ON_PATH, "in " + y + " total spending of " + pct(m.hague())
                            + " of GDP is below the path to " + plain(totalTarget) + "% in " + lastYear() + " ("
                            + pct(p5) + " that year)."));
                }
            }
            if (y == lastYear()) {
                if (m == null) {
                    failures.add(new Plan.Shortfall(y, PlanCheck.REACHES_2035, "without figures for " + y + " the plan cannot reach "
                            + plain(coreTarget) + "% core and " + plain(totalTarget) + "% in total."));
                } else if (m.core().compareTo(coreTarget) < 0) {
                    failures.add(new Plan.Shortfall(y, PlanCheck.REACHES_2035, "in " + y + " core defence spending of " + pct(m.core())
                            + " of GDP falls short of the " + plain(coreTarget) + "% target."));
                } else if (m.hague().compareTo(totalTarget) < 0) {
                    failures.add(new Plan.Shortfall(y, PlanCheck.REACHES_2035, "in " + y + " total spending of " + pct(m.hague())
                            + " of GDP falls short of the " + plain(totalTarget) + "% target."));
                }
            }
            years.add(new Plan.Year(y, in == null ? null : in.status(), in != null && !in.publishedRatio(),
                    m == null ? null : ScoringEngine.round(m.core()), m == null ? null : ScoringEngine.round(m.hague()), ScoringEngine.round(p35), ScoringEngine.round(p5),
                    m == null ? null : TargetStatus.path(m.core(), coreTarget, p35),
                    m == null ? null : TargetStatus.path(m.hague(), totalTarget, p5)));
            before = m;
        }
        Plan.Checks checks = new Plan.Checks(passes(failures, PlanCheck.COMPLETE), passes(failures, PlanCheck.INCREMENTAL),
                passes(failures, PlanCheck.ON_PATH), passes(failures, PlanCheck.REACHES_2035));
        Plan.Shortfall first = failures.stream().min((a, c) -> a.year() != c.year() ? Integer.compare(a.year(), c.year())
                : a.check().compareTo(c.check())).orElse(null);
        return new Plan(ally.iso3(), ally.name(), asOf, failures.isEmpty(), checks, first, years,
                new Plan.Baseline(hague.baselineYear(), ScoringEngine.round(paths.coreBaseline()),
                        ScoringEngine.round(paths.totalBaseline()), paths.defaulted()));
    }

    /**
     * The plan's two paths, from the nation's baseline-year figures ({@code inputs}' baseline year; the rule set's
     * default where there are none) to the targets in the due year: what {@link #evaluate} judges every year against,
     * and what {@link PlanRequirements} turns into the least figures of a credible plan.
     */
    public Paths paths(Map<Integer, ScoringInput> inputs) {
        Optional<Assessment.Unrounded> base = Optional.ofNullable(inputs.get(hague.baselineYear()))
                .map(in -> ScoringEngine.unrounded(in, cap));
        return new Paths(base.map(Assessment.Unrounded::core).orElse(hague.defaultBaseline()),
                base.map(Assessment.Unrounded::hague).orElse(hague.defaultBaseline()), base.isEmpty(),
                coreTarget, totalTarget, hague.baselineYear(), hague.dueYear());
    }

    /**
     * The core path to {@code coreTarget} and the total path (core plus credited related) to {@code totalTarget},
     * unrounded.
     *
     * @param defaulted whether the nation had no baseline-year figures and the paths start from the rule set's default
     */
    public record Paths(BigDecimal coreBaseline, BigDecimal totalBaseline, boolean defaulted, BigDecimal coreTarget,
                        BigDecimal totalTarget, int baselineYear, int dueYear) {

        public BigDecimal core(int year) {
            return ScoringEngine.pathValue(coreBaseline, coreTarget, year, baselineYear, dueYear);
        }

        public BigDecimal total(int year) {
            return ScoringEngine.pathValue(totalBaseline, totalTarget, year, baselineYear, dueYear);
        }
    }

    private static boolean passes(List<Plan.Shortfall> failures, PlanCheck check) {
        return failures.stream().noneMatch(f -> f.check() == check);
    }

    private static BigDecimal threshold(RuleSet rules, RuleSet.Measure measure) {
        return rules.targets().stream().filter(t -> t.measure() == measure).map(RuleSet.TargetRule::threshold)
                .findFirst().orElseThrow(() -> new IllegalStateException(rules.id() + " has no " + measure + " target"));
    }

    private static String pct(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

}
