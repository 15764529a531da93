package io.pledgewatch.compliance.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.compliance.assessment.SubmissionStatus;
import io.pledgewatch.compliance.ruleset.ShippedRuleSets;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The least figures of a credible plan, computed by hand, with the shipped rule sets (3.5% core and 5% in total by
 * 2035 from the 2025 baseline). Norway's baseline is 3.0% with no related spending:
 * path35(y) = 3.0 + 0.05 × (y − 2025), path5(y) = 3.0 + 0.2 × (y − 2025).
 */
class PlanRequirementsTest {

    static final Ally NOR = Allies.get().find("NOR").orElseThrow();
    static final Ally BGR = Allies.get().find("BGR").orElseThrow();
    static final PlanRequirements REQUIREMENTS = new PlanRequirements(PlanEvaluator.forRuleSets(ShippedRuleSets.read())
            .orElseThrow());
    static final Instant NOW = Instant.parse("2026-12-03T00:00:00Z");

    /** Amounts: core% of the given GDP, no related spending. */
    static ScoringInput amounts(Ally ally, int year, String gdp, String core) {
        BigDecimal g = new BigDecimal(gdp);
        BigDecimal d = g.multiply(new BigDecimal(core)).movePointLeft(2);
        return new ScoringInput(ally.iso3(), year, 1, 1, false, SubmissionStatus.PLAN, ally.currencyIn(year), g, d,
                d.movePointLeft(1), BigDecimal.ZERO, null, null, null, null, ScoringInput.Breakdown.NONE);
    }

    static Map<Integer, ScoringInput> of(ScoringInput... inputs) {
        Map<Integer, ScoringInput> m = new HashMap<>();
        for (ScoringInput in : inputs) {
            m.put(in.year(), in);
        }
        return m;
    }

    static Requirements.Year year(Requirements r, int year) {
        return r.years().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void eachYearNeedsItsPathValuesOfItsOwnOrItsGrownGdp() {
        Requirements r = REQUIREMENTS.of(NOR, of(amounts(NOR, 2025, "1000000000000", "3.0"),
                amounts(NOR, 2027, "1100000000000", "3.2")), new BigDecimal("3.0"), NOW);
        assertEquals(10, r.years().size());
        assertEquals(2026, r.years().get(0).year());
        assertEquals(2035, r.years().get(9).year());
        assertEquals(new Plan.Baseline(2025, new BigDecimal("3"), new BigDecimal("3"), false), r.baseline());

        Requirements.Year y2026 = year(r, 2026);
        assertEquals(Requirements.GdpSource.GROWN, y2026.gdpSource());
        assertEquals(2025, y2026.gdpFromYear());
        assertAmount("1030000000000", y2026.gdp());                    // 1,000 bn × 1.03
        assertEquals(new BigDecimal("3.05"), y2026.core());
        assertAmount("31415000000", y2026.coreAmount());              // 3.05% of 1,030 bn
        assertEquals(new BigDecimal("3.2"), y2026.hague());
        assertAmount("32960000000", y2026.hagueAmount());             // 3.2% of 1,030 bn

        Requirements.Year y2027 = year(r, 2027);
        assertEquals(Requirements.GdpSource.REVISION, y2027.gdpSource());
        assertNull(y2027.gdpFromYear());
        assertAmount("1100000000000", y2027.gdp());

        // 2030: grown from 2027, 1,100 bn × 1.03³ = 1,201,999,700,000; 3.25% and 4.0% of it.
        Requirements.Year y2030 = year(r, 2030);
        assertEquals(2027, y2030.gdpFromYear());
        assertAmount("1201999700000", y2030.gdp());
        assertEquals(new BigDecimal("3.25"), y2030.core());
        assertAmount("39064990250", y2030.coreAmount());
        assertEquals(new BigDecimal("4"), y2030.hague());
        assertAmount("48079988000", y2030.hagueAmount());
        assertEquals(new BigDecimal("0.75"), y2030.related());
        assertAmount("9014997750", y2030.relatedAmount());

        assertEquals(new BigDecimal("3.5"), year(r, 2035).core());
        assertEquals(new BigDecimal("5"), year(r, 2035).hague());
        assertEquals("NOK", year(r, 2035).currency());
    }

    @Test
    void anAmountIsRoundedUpSoThatItIsEnough() {
        // 3.05% of 1,000,000,000,001 = 30,500,000,000.0305: 30,500,000,001, not the nearer 30,500,000,000.
        Requirements r = REQUIREMENTS.of(NOR, of(amounts(NOR, 2025, "1000000000000", "3.0"),
                amounts(NOR, 2026, "1000000000001", "3.1")), new BigDecimal("3.0"), NOW);
        assertAmount("30500000001", year(r, 2026).coreAmount());
    }

    @Test
    void aGdpInLevaIsGrownIntoEurosAtTheFixedRate() {
        // 195,583,000,000 BGN in 2024 is 100,000,000,000 EUR at 1.95583; no growth asked.
        Requirements r = REQUIREMENTS.of(BGR, of(amounts(BGR, 2024, "195583000000", "2.0")), BigDecimal.ZERO, NOW);
        Requirements.Year y2026 = year(r, 2026);
        assertEquals("EUR", y2026.currency());
        assertEquals(2024, y2026.gdpFromYear());
        assertAmount("100000000000", y2026.gdp());
        assertEquals(true, r.baseline().defaulted(), "no 2025 figures: the paths start from 2.0");
        assertAmount("2150000000", y2026.coreAmount());               // 2.15% of 100 bn
    }

    @Test
    void beforeTheFirstReportedGdpItIsShrunkBackFromTheNearestLaterOne() {
        Requirements r = REQUIREMENTS.of(NOR, of(amounts(NOR, 2030, "1030000000000", "3.3")), new BigDecimal("3"), NOW);
        assertAmount("1000000000000", year(r, 2029).gdp());              // 1,030 bn / 1.03
        assertAmount("970873786408", year(r, 2028).gdp());               // 1,030 bn / 1.0609 = 970,873,786,407.77
        assertEquals(2030, year(r, 2028).gdpFromYear());
        assertAmount("1060900000000", year(r, 2031).gdp());              // 1,030 bn × 1.03
        assertEquals(2030, year(r, 2031).gdpFromYear());
    }

    @Test
    void withoutAnyGdpTheYearsSaySoAndCarryNoAmounts() {
        Requirements r = REQUIREMENTS.of(NOR, of(ScoringInput.ratio("NOR", 2025, 1, "2.0", null)), new BigDecimal("3"), NOW);
        for (Requirements.Year y : r.years()) {
            assertEquals(Requirements.GdpSource.NONE, y.gdpSource());
            assertNull(y.gdp());
            assertNull(y.coreAmount());
            assertNull(y.hagueAmount());
            assertNull(y.relatedAmount());
        }
        assertEquals(new BigDecimal("2.15"), year(r, 2026).core(), "the published 2.0 starts the path");
    }

    @Test
    void aNationAlreadyAboveTheTargetsNeedsOnlyTheTargets() {
        // 2025: core 4.0% and related 1.5% of GDP, so 5.5% in total.
        Requirements r = REQUIREMENTS.of(NOR, of(new ScoringInput("NOR", 2025, 1, 1, false, SubmissionStatus.ACTUAL,
                "NOK", new BigDecimal("1000000000000"), new BigDecimal("40000000000"), new BigDecimal("8000000000"),
                new BigDecimal("15000000000"), null, null, null, null, ScoringInput.Breakdown.NONE)),
                new BigDecimal("3"), NOW);
        assertEquals(new BigDecimal("3.5"), year(r, 2026).core());
        assertEquals(new BigDecimal("5"), year(r, 2026).hague(), "5.5 in 2025 is above 5 already");
    }

    @Test
    void theGrowthRateIsAPercentageBetweenMinusFiftyAndAHundred() {
        assertEquals(new BigDecimal("3.0"), PlanRequirements.growth(null));
        assertEquals(new BigDecimal("3.0"), PlanRequirements.growth(""));
        assertEquals(new BigDecimal("-50"), PlanRequirements.growth("-50"));
        assertEquals(new BigDecimal("100"), PlanRequirements.growth("100"));
        assertEquals(new BigDecimal("1.25"), PlanRequirements.growth("+1.25"));
        for (String malformed : new String[] {"abc", "1e2", "3,0", "1.23456", " 3", "NaN"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> PlanRequirements.growth(malformed), malformed);
            assertEquals(400, e.status(), malformed);
            assertEquals("gdpGrowth", e.violations().get(0).field());
        }
        for (String outOfRange : new String[] {"-50.0001", "100.5", "999"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> PlanRequirements.growth(outOfRange));
            assertEquals(422, e.status(), outOfRange);
            assertEquals("gdpGrowth", e.violations().get(0).field());
        }
    }
}
