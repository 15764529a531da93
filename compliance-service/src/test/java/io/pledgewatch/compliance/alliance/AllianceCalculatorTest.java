package io.pledgewatch.compliance.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pledgewatch.compliance.assessment.AssessmentService.Scored;
import io.pledgewatch.compliance.assessment.ScoringEngine;
import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllianceCalculatorTest {

    static final ScoringEngine ENGINE = new ScoringEngine(io.pledgewatch.compliance.assessment.ScoringEngineTest.shipped());

    static Scored scored(ScoringInput in) {
        Ally ally = Allies.get().find(in.country()).orElseThrow();
        return new Scored(ally, in, ENGINE.assess(ally, in, Optional.empty()));
    }

    static ScoringInput amounts(String country, String currency, String gdp, String total, String rate) {
        return new ScoringInput(country, 2026, 1, 1, false, "BUDGET", currency, new BigDecimal(gdp), new BigDecimal(total),
                new BigDecimal(total).divide(BigDecimal.TEN), BigDecimal.ZERO, rate == null ? null : new BigDecimal(rate),
                null, null, null);
    }

    @Test
    void countsMediansAndUsdTotals() {
        List<Scored> s = new ArrayList<>();
        s.add(scored(amounts("USA", "USD", "30000000000000", "1000000000000", null)));          // 3.3333%
        s.add(scored(amounts("POL", "PLN", "4000000000000", "190000000000", "3.8")));           // 4.75%
        s.add(scored(amounts("ESP", "EUR", "1600000000000", "32000000000", null)));             // 2.0%
        s.add(scored(amounts("BEL", "EUR", "600000000000", "9000000000", "0.9")));              // 1.5%
        s.add(scored(amounts("ISL", "ISK", "4500000000000", "0", null)));                       // not assessed
        AllianceSummary a = AllianceCalculator.summarise(2026, s, "test");
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
        AllianceSummary a = AllianceCalculator.summarise(2026, List.of(), "test");
        assertEquals(0, a.assessed());
        assertNull(a.medianCore());
        assertNull(a.onPathCore());
    }
}
