package io.pledgewatch.compliance.alliance;

import io.pledgewatch.compliance.assessment.SubmissionStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pledgewatch.compliance.assessment.AssessmentService.Scored;
import io.pledgewatch.compliance.assessment.ScoringEngine;
import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.compliance.ruleset.ShippedRuleSets;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllianceCalculatorTest {

    static final ScoringEngine ENGINE = new ScoringEngine(ShippedRuleSets.read());

    static Scored scored(ScoringInput in) {
        Ally ally = Allies.get().find(in.country()).orElseThrow();
        return new Scored(ally, in, ENGINE.assess(ally, in, Optional.empty()));
    }

    static ScoringInput amounts(String country, String currency, String gdp, String total, String rate) {
        return new ScoringInput(country, 2026, 1, 1, false, SubmissionStatus.BUDGET, currency, new BigDecimal(gdp), new BigDecimal(total),
                new BigDecimal(total).divide(BigDecimal.TEN), BigDecimal.ZERO, rate == null ? null : new BigDecimal(rate),
                null, null, null, ScoringInput.Breakdown.NONE);
    }

    @Test
    void countsMediansAndUsdTotals() {
        List<Scored> s = new ArrayList<>();
        s.add(scored(amounts("USA", "USD", "30000000000000", "1000000000000", null)));          // 3.3333%
        s.add(scored(amounts("POL", "PLN", "4000000000000", "190000000000", "3.8")));           // 4.75%
        s.add(scored(amounts("ESP", "EUR", "1600000000000", "32000000000", null)));             // 2.0%
        s.add(scored(amounts("BEL", "EUR", "600000000000", "9000000000", "0.9")));              // 1.5%
        s.add(scored(amounts("ISL", "ISK", "4500000000000", "0", null)));                       // not assessed
        AllianceSummary a = AllianceCalculator.summarise(2026, s, "test", null);
        assertEquals(4, a.assessed());
        assertEquals(3, a.atOrAbove2(), "exactly 2.0 counts");
        assertEquals(1, a.atOrAbove3_5());
        assertEquals(0, a.atOrAbove5());
        assertEquals(new BigDecimal("2.6667"), a.medianCore(), "mean of 2.0 and 3.3333");
        assertEquals(new BigDecimal("2.8958"), a.meanCore());
        assertEquals(new BigDecimal("1000000000000"), a.usd().unitedStates());
        assertEquals(new BigDecimal("60000000000"), a.usd().europeCanada(), "190e9/3.8 + 9e9/0.9");
        assertEquals(1, a.usd().nationsWithoutRate(), "Spain gave no rate");
        assertEquals(List.of("ISL"), a.notAssessed());
    }

    @Test
    void anEmptyYearHasNoMedian() {
        AllianceSummary a = AllianceCalculator.summarise(2026, List.of(), "test", null);
        assertEquals(0, a.assessed());
        assertNull(a.medianCore());
        assertNull(a.onPathCore());
    }

    @Test
    void totalsAddUpWhatNationsSpendInUsdAndSayWhatTheyRestOn() {
        List<Scored> s = new ArrayList<>();
        s.add(scored(amounts("USA", "USD", "30000000000000", "1000000000000", null)));   // USD: no rate needed
        s.add(scored(amounts("LTU", "EUR", "89030000000", "4790000000", "0.92")));       // 5,206,521,739 USD
        s.add(scored(amounts("POL", "PLN", "4000000000000", "190000000000", null)));     // amounts, no rate
        s.add(scored(ScoringInput.ratio("FRA", 2026, 1, "2.1", null)));                  // published ratio only
        s.add(scored(amounts("ISL", "ISK", "4500000000000", "0", "140")));               // not assessed: left out
        AllianceSummary a = AllianceCalculator.summarise(2026, s, "test", new AllianceSummary.Plans(1, 2, 29));
        AllianceSummary.Totals t = a.totals();
        // Σ D = 1,000,000,000,000 + 4,790,000,000 / 0.92; Σ G = 30,000 bn + 89.03 bn / 0.92
        assertEquals(new BigDecimal("1005206521739"), t.alliance().defenceUsd());
        assertEquals(new BigDecimal("30096771739130"), t.alliance().gdpUsd());
        assertEquals(new BigDecimal("3.3399"), t.alliance().pctOfGdp());
        assertEquals(2, t.alliance().nations());
        assertEquals(new BigDecimal("5206521739"), t.europeCanada().defenceUsd());
        assertEquals(new BigDecimal("5.3802"), t.europeCanada().pctOfGdp());
        assertEquals(1, t.unitedStates().nations());
        assertEquals(new BigDecimal("0.0052"), t.europeCanadaToUs(), "5.2 bn against 1,000 bn");
        assertEquals(new AllianceSummary.Coverage(3, 2, 1), a.coverage());
        assertEquals(new AllianceSummary.Plans(1, 2, 29), a.plans());
    }

    @Test
    void withoutTheUnitedStatesThereIsNoRatio() {
        AllianceSummary a = AllianceCalculator.summarise(2026,
                List.of(scored(amounts("LTU", "EUR", "89030000000", "4790000000", "0.92"))), "test", null);
        assertNull(a.totals().europeCanadaToUs());
        assertEquals(0, a.totals().unitedStates().nations());
        assertNull(a.totals().unitedStates().defenceUsd());
    }
}
