package io.pledgewatch.compliance.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.compliance.ruleset.ShippedRuleSets;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of the contract's formulas (design.md, compliance-service), scored with the shipped rule sets. */
public class ScoringEngineTest {

    static final ScoringEngine ENGINE = new ScoringEngine(ShippedRuleSets.read());
    static final Ally LTU = Allies.get().find("LTU").orElseThrow();
    static final Ally NOR = Allies.get().find("NOR").orElseThrow();

    static Optional<ScoringInput> baseline(String core) {
        return Optional.of(ScoringInput.ratio("NOR", 2025, 1, core, null));
    }

    static Assessment.TargetResult target(Assessment a, String ruleSet, String target) {
        return a.target(ruleSet, target);
    }

    static void assertNumber(String expected, BigDecimal actual) {
        assertNumber(expected, actual, "");
    }

    static void assertNumber(String expected, BigDecimal actual, String why) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> why + ": expected " + expected + " but was " + actual);
    }

    @Test
    void lithuania2026MeetsEveryTarget() {
        Assessment a = ENGINE.assess(LTU, ScoringInput.amounts("LTU", 2026, 1, "EUR", "89030000000", "4790000000",
                "1200000000", "0"), Optional.of(ScoringInput.ratio("LTU", 2025, 1, "3.9993", null)));
        assertTrue(a.assessed());
        assertNumber("5.3802", a.values().core());
        assertEquals(List.of(TargetStatus.MET, TargetStatus.MET, TargetStatus.MET, TargetStatus.MET), a.targets().stream().map(Assessment.TargetResult::status).toList());
        assertNumber("100.0", a.score());
        assertNumber("3.9993", a.baseline().core());
        // total target: path from B = 3.9993 towards 5.0: 3.9993 + 1.0007 * 1/10 = 4.09937 -> shown 4.0994
        assertNumber("4.0994", target(a, "hague-2025", "total").path());
        assertEquals(a.ruleSets(), java.util.Map.of("wales-2014", "1", "hague-2025", "1"));
    }

    @Test
    void onPathWhenAtOrAboveTheLinearPath() {
        // B = 2.0; 2030 is half-way: core path 2.0 + 1.5 * 5/10 = 2.75, total path 2.0 + 3.0 * 5/10 = 3.5
        Assessment a = ENGINE.assess(NOR, ScoringInput.amounts("NOR", 2030, 1, "NOK", "100000", "3000", "600", "500"),
                baseline("2.0"));
        Assessment.TargetResult core = target(a, "hague-2025", "core");
        Assessment.TargetResult total = target(a, "hague-2025", "total");
        assertNumber("2.75", core.path());
        assertEquals(TargetStatus.ON_PATH, core.status());
        assertNumber("3.5", total.path());
        assertNumber("3.5", total.value());
        assertEquals(TargetStatus.ON_PATH, total.status(), "equal to the path is on it");
        assertEquals(TargetStatus.MET, target(a, "wales-2014", "equipment").status(), "exactly 20% meets the guideline");
        assertNumber("100.0", a.score());
    }

    @Test
    void belowPathWithGapsInPointsAndNationalCurrency() {
        Assessment a = ENGINE.assess(NOR, ScoringInput.amounts("NOR", 2030, 1, "NOK", "100000", "2500", "600", "500"),
                baseline("2.0"));
        Assessment.TargetResult core = target(a, "hague-2025", "core");
        assertEquals(TargetStatus.BELOW_PATH, core.status());
        assertNumber("0.25", core.gapToPath().points());
        assertNumber("250", core.gapToPath().amount());
        assertEquals("NOK", core.gapToPath().currency());
        assertNumber("1", core.gapToTarget().points());
        assertNumber("1000", core.gapToTarget().amount());
        Assessment.TargetResult total = target(a, "hague-2025", "total");
        assertEquals(TargetStatus.BELOW_PATH, total.status());
        assertNumber("3", total.value());
        assertNumber("500", total.gapToPath().amount());
        assertNumber("2000", total.gapToTarget().amount());
        // mean(1, 1, 2.5/2.75, 3.0/3.5) = (2 + 0.9090909 + 0.8571429) / 4 = 0.9415584 -> 94.2
        assertNumber("94.2", a.score());
    }

    @Test
    void walesBelowTwoPercentIsNotMetAndUnknownEquipmentIsLeftOut() {
        Assessment a = ENGINE.assess(NOR, ScoringInput.ratio("NOR", 2020, 1, "1.5", null), Optional.empty());
        assertEquals(List.of("wales-2014"), List.copyOf(a.ruleSets().keySet()), "only Wales applies before 2025");
        assertEquals(1, a.targets().size());
        assertEquals(TargetStatus.NOT_MET, a.targets().get(0).status());
        assertNull(a.targets().get(0).gapToTarget().amount(), "a published ratio has no currency gap");
        assertNumber("75.0", a.score());
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("equipment")));
    }

    @Test
    void equipmentGapIsMeasuredAgainstDefenceSpending() {
        Assessment a = ENGINE.assess(NOR, ScoringInput.amounts("NOR", 2020, 1, "NOK", "100000", "2500", "400", "0"),
                Optional.empty());
        Assessment.TargetResult eq = target(a, "wales-2014", "equipment");
        assertEquals(TargetStatus.NOT_MET, eq.status());
        assertNumber("16", eq.value());
        assertNumber("4", eq.gapToTarget().points());
        assertNumber("100", eq.gapToTarget().amount());
    }

    @Test
    void aBaselineAlreadyAboveTheTargetMakesThePathFlat() {
        Assessment a = ENGINE.assess(NOR, ScoringInput.amounts("NOR", 2027, 1, "NOK", "100000", "3400", "800", "0"),
                baseline("4.0"));
        Assessment.TargetResult core = target(a, "hague-2025", "core");
        assertNumber("3.5", core.path());
        assertEquals(TargetStatus.BELOW_PATH, core.status());
        assertNumber("0.1", core.gapToPath().points());
    }

    @Test
    void withoutA2025BaselineThePathStartsAtTwoAndSaysSo() {
        Assessment a = ENGINE.assess(NOR, ScoringInput.amounts("NOR", 2030, 1, "NOK", "100000", "3000", "600", "0"),
                Optional.empty());
        assertTrue(a.baseline().defaulted());
        assertNumber("2", a.baseline().core());
        assertTrue(a.baseline().source().contains("no 2025"));
        assertNumber("2.75", target(a, "hague-2025", "core").path());
    }

    @Test
    void the2025AssessmentIsItsOwnBaseline() {
        Assessment a = ENGINE.assess(NOR, ScoringInput.amounts("NOR", 2025, 1, "NOK", "100000", "2200", "600", "0"),
                Optional.empty());
        assertFalse(a.baseline().defaulted());
        assertEquals(TargetStatus.ON_PATH, target(a, "hague-2025", "core").status());
        assertNumber("2.2", target(a, "hague-2025", "core").path());
    }

    @Test
    void relatedSpendingCountsUpToOneAndAHalfPercent() {
        Assessment a = ENGINE.assess(NOR, ScoringInput.amounts("NOR", 2035, 1, "NOK", "100000", "3600", "800", "2500"),
                baseline("2.0"));
        assertNumber("2.5", a.values().related());
        assertNumber("1.5", a.values().credited());
        assertNumber("5.1", a.values().hague());
        assertEquals(TargetStatus.MET, target(a, "hague-2025", "total").status());
        assertNumber("5", target(a, "hague-2025", "total").path(), "in 2035 the path reaches the target");
    }

    @Test
    void comparisonsUseUnroundedValues() {
        // 1999.99 / 100000 = 1.99999%: shown as 2 (four decimals), but below 2 and so not met.
        Assessment a = ENGINE.assess(NOR, ScoringInput.amounts("NOR", 2020, 1, "NOK", "100000", "1999.99", "500", "0"),
                Optional.empty());
        Assessment.TargetResult core = target(a, "wales-2014", "core");
        assertNumber("2", core.value());
        assertEquals(TargetStatus.NOT_MET, core.status());
        assertNumber("0", core.gapToTarget().points(), "shown rounded");
        assertNumber("0", core.gapToTarget().amount(), "0.01 NOK rounds to 0 whole units");
    }

    @Test
    void icelandAndYearsBeforeAccessionAreNotAssessed() {
        Ally isl = Allies.get().find("ISL").orElseThrow();
        Assessment a = ENGINE.assess(isl, ScoringInput.amounts("ISL", 2026, 1, "ISK", "4000000000000", "0", "0", "0"),
                Optional.empty());
        assertFalse(a.assessed());
        assertNull(a.score());
        assertTrue(a.targets().isEmpty());
        Ally fin = Allies.get().find("FIN").orElseThrow();
        assertFalse(ENGINE.assess(fin, ScoringInput.ratio("FIN", 2020, 1, "1.5", null), Optional.empty()).assessed());
    }

    @Test
    void pathValueIsLinearFromBaselineToTarget() {
        assertNumber("2.75", ScoringEngine.pathValue(new BigDecimal("2.0"), new BigDecimal("3.5"), 2030, 2025, 2035));
        assertNumber("5.0", ScoringEngine.pathValue(new BigDecimal("2.0"), new BigDecimal("5.0"), 2035, 2025, 2035));
        assertNumber("2.0", ScoringEngine.pathValue(new BigDecimal("2.0"), new BigDecimal("5.0"), 2025, 2025, 2035));
        assertNumber("3.5", ScoringEngine.pathValue(new BigDecimal("4.1"), new BigDecimal("3.5"), 2026, 2025, 2035));
    }
}
