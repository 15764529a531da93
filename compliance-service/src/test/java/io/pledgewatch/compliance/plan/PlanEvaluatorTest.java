package io.pledgewatch.compliance.plan;

import io.pledgewatch.compliance.assessment.TargetStatus;
import io.pledgewatch.compliance.assessment.SubmissionStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.compliance.ruleset.ShippedRuleSets;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every plan check with hand-computed figures, judged with the shipped rule sets (The Hague: 3.5% core and 5% in
 * total by 2035 from the 2025 baseline, related spending credited up to 1.5%). GDP is 1,000 bn so that amounts read
 * as percentages: D = 36 bn is core 3.6%. Norway's baseline is 3.0% (2025): path35(y) = 3.0 + 0.05 × (y − 2025),
 * path5(y) = 3.0 + 0.2 × (y − 2025).
 */
class PlanEvaluatorTest {

    static final Ally NOR = Allies.get().find("NOR").orElseThrow();
    static final PlanEvaluator EVALUATOR = PlanEvaluator.forRuleSets(ShippedRuleSets.read()).orElseThrow();

    /** core% and related% of GDP, as amounts of a 1,000 bn GDP. */
    static ScoringInput year(int year, String core, String related) {
        BigDecimal gdp = new BigDecimal("1000000000000");
        BigDecimal d = gdp.multiply(new BigDecimal(core)).movePointLeft(2);
        return new ScoringInput("NOR", year, 1, 1, false, SubmissionStatus.PLAN, "NOK", gdp, d, d.movePointLeft(1),
                gdp.multiply(new BigDecimal(related)).movePointLeft(2), null, null, null, null, ScoringInput.Breakdown.NONE);
    }

    /** A credible plan: core 3.6% throughout, related rising 0.16 points a year (credited up to 1.5). */
    static Map<Integer, ScoringInput> credible() {
        Map<Integer, ScoringInput> plan = new HashMap<>();
        plan.put(2025, year(2025, "3.0", "0"));
        for (int y = 2026; y <= 2035; y++) {
            plan.put(y, year(y, "3.6", new BigDecimal("0.16").multiply(BigDecimal.valueOf(y - 2025)).toPlainString()));
        }
        return plan;
    }

    static Plan evaluate(Map<Integer, ScoringInput> inputs) {
        return EVALUATOR.evaluate(NOR, inputs, Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void aCompleteRisingPlanOnBothPathsThatReachesTheTargetsIsCredible() {
        Plan p = evaluate(credible());
        assertTrue(p.credible());
        assertEquals(new Plan.Checks(true, true, true, true), p.checks());
        assertNull(p.firstShortfall());
        assertEquals(10, p.years().size());
        Plan.Year y2030 = p.years().get(4);
        assertEquals(2030, y2030.year());
        assertEquals(new BigDecimal("3.25"), y2030.path35()); // 3.0 + 0.5 × 5 / 10
        assertEquals(new BigDecimal("4"), y2030.path5());     // 3.0 + 2.0 × 5 / 10
        assertEquals(new BigDecimal("4.4"), y2030.hague());   // 3.6 + 0.8
        assertEquals(TargetStatus.MET, y2030.coreStatus());
        assertEquals(TargetStatus.ON_PATH, y2030.totalStatus());
        assertEquals(new BigDecimal("5.1"), p.years().get(9).hague()); // 3.6 + min(1.6, 1.5)
    }

    @Test
    void aMissingYearOrAPublishedRatioBreaksCompleteness() {
        Map<Integer, ScoringInput> plan = credible();
        plan.remove(2029);
        Plan p = evaluate(plan);
        assertFalse(p.checks().complete());
        assertEquals(2029, p.firstShortfall().year());
        assertEquals(PlanCheck.COMPLETE, p.firstShortfall().check());
        assertTrue(p.firstShortfall().detail().contains("no figures for 2029"), p.firstShortfall().detail());
        assertNull(p.years().get(3).status());

        Map<Integer, ScoringInput> ratio = credible();
        ratio.put(2027, ScoringInput.ratio("NOR", 2027, 1, "3.6", null));
        Plan q = evaluate(ratio);
        assertFalse(q.checks().complete());
        assertEquals(2027, q.firstShortfall().year());
        assertTrue(q.firstShortfall().detail().contains("only the ratio NATO published"));
        assertTrue(PlanService.hasAny(q), "the other years' amounts are a plan");

        Plan estimateOnly = evaluate(Map.of(2026, ScoringInput.ratio("NOR", 2026, 1, "3.17", null)));
        assertFalse(estimateOnly.credible());
        assertFalse(PlanService.hasAny(estimateOnly), "an edition's estimate for 2026 is no plan");
    }

    @Test
    void aYearBelowTheOneBeforeIsNotIncremental() {
        Map<Integer, ScoringInput> plan = credible();
        plan.put(2031, year(2031, "3.55", "0.96")); // core falls 3.60 → 3.55; hague 4.51 still on its path (4.2)
        Plan p = evaluate(plan);
        assertFalse(p.credible());
        assertEquals(new Plan.Checks(true, false, true, true), p.checks());
        assertEquals(new Plan.Shortfall(2031, PlanCheck.INCREMENTAL, "core defence spending falls from 3.60% of GDP in 2030 to "
                + "3.55% in 2031: each year must at least match the year before."), p.firstShortfall());
    }

    @Test
    void aYearUnderEitherPathIsNotOnPath() {
        Map<Integer, ScoringInput> plan = credible();
        for (int y = 2026; y <= 2035; y++) {
            plan.put(y, year(y, "3.6", "0.05")); // hague 3.65: under path5 from 2029 (3.8)
        }
        plan.put(2035, year(2035, "3.6", "1.5"));
        Plan p = evaluate(plan);
        assertFalse(p.checks().onPath());
        assertTrue(p.checks().incremental());
        assertTrue(p.checks().reaches2035());
        assertEquals(2029, p.firstShortfall().year());
        assertEquals("in 2029 total spending of 3.65% of GDP is below the path to 5% in 2035 (3.80% that year).",
                p.firstShortfall().detail());
    }

    @Test
    void aPlanThatStopsShortIn2035DoesNotReachTheTargets() {
        Map<Integer, ScoringInput> plan = credible();
        plan.put(2035, year(2035, "3.6", "1.3")); // hague 4.9: below 5.0, below path5(2035) = 5.0, below 2034's 5.04
        Plan p = evaluate(plan);
        assertEquals(new Plan.Checks(true, false, false, false), p.checks());
        assertEquals(2035, p.firstShortfall().year());
        assertEquals(PlanCheck.INCREMENTAL, p.firstShortfall().check(), "three checks fail in 2035: the check order decides");
    }

    @Test
    void theEarliestYearComesFirstWhateverTheCheck() {
        Map<Integer, ScoringInput> plan = credible();
        plan.put(2027, year(2027, "3.0", "0.32")); // 2027 under path35? 3.0 < 3.1 → onPath; and falls → incremental
        plan.remove(2033);
        Plan p = evaluate(plan);
        assertEquals(2027, p.firstShortfall().year());
        assertEquals(PlanCheck.INCREMENTAL, p.firstShortfall().check());
        assertFalse(p.checks().complete());
        assertFalse(p.checks().onPath());
    }

    @Test
    void withoutA2025BaselineThePathsStartFromTheDefault() {
        Map<Integer, ScoringInput> plan = credible();
        plan.remove(2025);
        Plan p = evaluate(plan);
        assertTrue(p.baseline().defaulted());
        assertEquals(new BigDecimal("2.15"), p.years().get(0).path35()); // 2.0 + 1.5 / 10
        assertEquals(new BigDecimal("2.3"), p.years().get(0).path5());   // 2.0 + 3.0 / 10
    }

    @Test
    void noFiguresAtAllIsNotCredibleFrom2026() {
        Plan p = evaluate(Map.of());
        assertFalse(p.credible());
        assertEquals(2026, p.firstShortfall().year());
        assertFalse(PlanService.hasAny(p));
    }
}
