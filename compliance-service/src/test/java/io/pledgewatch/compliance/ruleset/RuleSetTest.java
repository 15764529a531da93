package io.pledgewatch.compliance.ruleset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    static RuleSet.TargetRule core(String threshold, RuleSet.Kind kind) {
        return new RuleSet.TargetRule("core", RuleSet.Measure.CORE, new BigDecimal(threshold), kind);
    }

    @Test
    void theShippedShapesAreValid() {
        RuleSet wales = new RuleSet("wales-2014", "1", "t", "s", 2014, 2035, null, null, null, null,
                List.of(core("2.0", RuleSet.Kind.FIXED)));
        assertTrue(wales.problems().isEmpty(), wales.problems().toString());
    }

    @Test
    void pathTargetsNeedBaselineAndDueYears() {
        RuleSet broken = new RuleSet("hague-2025", "2", "t", "s", 2025, 2035, new BigDecimal("1.5"), null, null, null,
                List.of(core("3.5", RuleSet.Kind.PATH)));
        assertFalse(broken.problems().isEmpty());
    }

    @Test
    void thresholdsAndYearsAreBounded() {
        assertFalse(new RuleSet("x-1", "1", "t", "s", 2010, 2040, null, null, null, null,
                List.of(core("2.0", RuleSet.Kind.FIXED))).problems().isEmpty());
        assertFalse(new RuleSet("x-1", "1", "t", "s", 2014, 2035, null, null, null, null,
                List.of(core("0", RuleSet.Kind.FIXED))).problems().isEmpty());
        assertFalse(new RuleSet("x-1", "1", "t", "s", 2014, 2035, null, null, null, null, List.of()).problems().isEmpty());
    }
}
