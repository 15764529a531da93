package io.pledgewatch.compliance.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    static RuleSet.TargetRule core(String threshold, RuleSet.Kind kind) {
        return new RuleSet.TargetRule("core", RuleSet.Measure.CORE, new BigDecimal(threshold), kind);
    }

    static RuleSet fixed(int firstYear, int lastYear, List<RuleSet.TargetRule> targets) {
        return new RuleSet("x-1", "1", "t", "s", firstYear, lastYear, null, null, null, null, targets);
    }

    /** What the validator refuses, as "field message", in the order of their fields. */
    static List<String> problems(RuleSet set) {
        return RuleSetRegistry.describe(VALIDATOR.validate(set));
    }

    @Test
    void everyShippedFileIsRecordedUnderItsOwnIdAndIsValid() throws Exception {
        // The service records the ids in SHIPPED at start-up, each from rulesets/<id>.json: a file it would not
        // record, or one that names another id than its own, would leave it scoring with other rule sets than shipped.
        Set<String> files;
        try (Stream<Path> listed = Files.list(Path.of(RuleSetTest.class.getResource("/rulesets").toURI()))) {
            files = listed.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length())).collect(Collectors.toSet());
        }
        assertEquals(files, Set.copyOf(RuleSetRegistry.SHIPPED));
        RuleSetRegistry registry = ShippedRuleSets.registry();
        for (String id : RuleSetRegistry.SHIPPED) {
            RuleSet shipped = registry.readShipped(id);
            assertEquals(id, shipped.id());
            assertEquals(List.of(), problems(shipped), id);
        }
    }

    @Test
    void pathTargetsNeedBaselineAndDueYears() {
        RuleSet broken = new RuleSet("hague-2025", "2", "t", "s", 2025, 2035, new BigDecimal("1.5"), null, null, null,
                List.of(core("3.5", RuleSet.Kind.PATH)));
        assertEquals(List.of("baselineYear is required for PATH targets", "defaultBaseline is required for PATH targets",
                "dueYear is required for PATH targets"), problems(broken));
    }

    @Test
    void aPathRunsForwardWithinTheRuleSetsYears() {
        RuleSet backwards = new RuleSet("hague-2025", "2", "t", "s", 2025, 2035, new BigDecimal("1.5"), 2030,
                new BigDecimal("2"), 2028, List.of(core("3.5", RuleSet.Kind.PATH)));
        assertEquals(List.of("dueYear must be after baselineYear"), problems(backwards));
        RuleSet beyond = new RuleSet("hague-2025", "2", "t", "s", 2025, 2030, new BigDecimal("1.5"), 2024,
                new BigDecimal("2"), 2035, List.of(core("3.5", RuleSet.Kind.PATH)));
        assertEquals(List.of("baselineYear must not be before firstYear", "dueYear must not be after lastYear"),
                problems(beyond));
    }

    @Test
    void thresholdsAndYearsAreBounded() {
        assertEquals(List.of("firstYear must be greater than or equal to 2014", "lastYear must be less than or equal to 2035"),
                problems(fixed(2010, 2040, List.of(core("2.0", RuleSet.Kind.FIXED)))));
        assertEquals(List.of("lastYear must not be before firstYear"),
                problems(fixed(2030, 2020, List.of(core("2.0", RuleSet.Kind.FIXED)))));
        assertEquals(List.of("targets[0].threshold must be in (0, 100]"),
                problems(fixed(2014, 2035, List.of(core("0", RuleSet.Kind.FIXED)))));
        assertEquals(List.of("targets[0].threshold must be in (0, 100]"),
                problems(fixed(2014, 2035, List.of(core("100.5", RuleSet.Kind.FIXED)))));
        assertEquals(List.of("targets must not be empty"), problems(fixed(2014, 2035, List.of())));
    }

    @Test
    void targetsAreCompleteAndNamedOnce() {
        assertEquals(List.of("targets[0].measure must not be null"), problems(fixed(2014, 2035,
                List.of(new RuleSet.TargetRule("core", null, BigDecimal.TEN, RuleSet.Kind.FIXED)))));
        assertEquals(List.of("targets must not name a target twice"), problems(fixed(2014, 2035,
                List.of(core("2.0", RuleSet.Kind.FIXED), core("3.5", RuleSet.Kind.FIXED)))));
    }

    @Test
    void creditingRelatedSpendingNeedsACap() {
        RuleSet uncapped = fixed(2014, 2035, List.of(new RuleSet.TargetRule("total", RuleSet.Measure.CORE_PLUS_RELATED,
                new BigDecimal("5"), RuleSet.Kind.FIXED)));
        assertEquals(List.of("relatedCap is required for a CORE_PLUS_RELATED target"), problems(uncapped));
    }

    @Test
    void idsAndVersionsAreShort() {
        RuleSet set = new RuleSet("X", "not a version", "t", "s", 2014, 2035, null, null, null, null,
                List.of(core("2.0", RuleSet.Kind.FIXED)));
        assertEquals(List.of("id must be 3-32 lower-case letters, digits or dashes",
                "version must be 1-16 letters, digits, dots or dashes"), problems(set));
    }
}
