package io.pledgewatch.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.report.compliance.ComplianceData.RuleSet;
import io.pledgewatch.report.compliance.ComplianceData.TargetRule;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodologyTest {

    static RuleSet wales(String core) {
        return new RuleSet("wales-2014", "1", "Wales 2014", "src", 2014, 2035, null, null, null, null,
                List.of(new TargetRule("core", "CORE", new BigDecimal(core), "FIXED"),
                        new TargetRule("equipment", "EQUIPMENT", new BigDecimal("20.0"), "FIXED")));
    }

    static RuleSet hague(String core, String total, String cap, String defaultBaseline, int dueYear) {
        return new RuleSet("hague-2025", "1", "The Hague 2025", "src", 2025, 2035, new BigDecimal(cap), 2025,
                new BigDecimal(defaultBaseline), dueYear,
                List.of(new TargetRule("core", "CORE", new BigDecimal(core), "PATH"),
                        new TargetRule("total", "CORE_PLUS_RELATED", new BigDecimal(total), "PATH")));
    }

    @Test
    void theShippedRuleSetsReadAsTheContractStatesThem() {
        List<String> text = Methodology.ruleParagraphs(List.of(wales("2.0"), hague("3.5", "5.0", "1.5", "2.0", 2035)));
        assertEquals("Wales 2014 (years 2014–2035): target core 2.0 (core% ≥ 2.0) and target equipment 20.0 "
                + "(equipment% ≥ 20.0); status met or not met.", text.get(0));
        assertTrue(text.get(1).startsWith("The Hague 2025 (years 2025–2035): target core 3.5 (on core%) and target total "
                + "5.0 (on hague%), due in 2035 on a linear path from the nation's own 2025 value B"), text.get(1));
        assertTrue(text.get(1).contains("B = 2.0 and the assessment says so"));
        assertTrue(text.get(1).contains("B + (T − B) × (y − 2025) / 10."));
        assertEquals("credited% = min(related%, 1.5)        hague% = core% + credited%",
                Methodology.creditedFormula(List.of(hague("3.5", "5.0", "1.5", "2.0", 2035))).orElseThrow());
    }

    @Test
    void aRuleSetStaffChangedIsDescribedWithItsNewFigures() {
        List<RuleSet> changed = List.of(wales("2.5"), hague("4.0", "5.5", "2", "1.8", 2033));
        String text = String.join("\n", Methodology.ruleParagraphs(changed));
        assertTrue(text.contains("target core 2.5 (core% ≥ 2.5)"), text);
        assertTrue(text.contains("target core 4.0 (on core%) and target total 5.5 (on hague%), due in 2033"), text);
        assertTrue(text.contains("B = 1.8"), text);
        assertTrue(text.contains("(y − 2025) / 8."), text);
        assertFalse(text.contains("3.5") || text.contains("5.0") || text.contains("B = 2.0"), text);
        assertEquals("credited% = min(related%, 2.0)        hague% = core% + credited%",
                Methodology.creditedFormula(changed).orElseThrow());
    }

    @Test
    void withoutARuleSetThatCreditsRelatedSpendingThereIsNoCreditedFormula() {
        assertTrue(Methodology.creditedFormula(List.of(wales("2.0"))).isEmpty());
    }
}
