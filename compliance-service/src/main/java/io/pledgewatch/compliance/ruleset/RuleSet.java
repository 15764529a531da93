package io.pledgewatch.compliance.ruleset;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A versioned rule set as data (src/main/resources/rulesets/*.json or a staff update), never as constants in
 * code. {@code FIXED} targets are met at their threshold every year; {@code PATH} targets are due in
 * {@code dueYear} and reached on a straight line from the nation's own {@code baselineYear} value.
 */
@RegisterForReflection
public record RuleSet(String id, String version, String title, String source, int firstYear, int lastYear,
                      BigDecimal relatedCap, Integer baselineYear, BigDecimal defaultBaseline, Integer dueYear,
                      List<TargetRule> targets) {

    public enum Measure { CORE, EQUIPMENT, CORE_PLUS_RELATED }

    public enum Kind { FIXED, PATH }

    public record TargetRule(String target, Measure measure, BigDecimal threshold, Kind kind) {
    }

    public boolean appliesTo(int year) {
        return year >= firstYear && year <= lastYear;
    }

    public boolean hasPathTargets() {
        return targets.stream().anyMatch(t -> t.kind() == Kind.PATH);
    }

    /** Everything that would make scoring with this rule set ill-defined, as readable messages. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (id == null || !id.matches("[a-z0-9-]{3,32}")) {
            p.add("id must be 3-32 lower-case letters, digits or dashes");
        }
        if (version == null || !version.matches("[0-9A-Za-z.-]{1,16}")) {
            p.add("version must be 1-16 letters, digits, dots or dashes");
        }
        if (firstYear < 2014 || lastYear > 2035 || firstYear > lastYear) {
            p.add("firstYear..lastYear must lie within 2014..2035");
        }
        if (targets == null || targets.isEmpty()) {
            p.add("targets must not be empty");
            return p;
        }
        Set<String> names = new HashSet<>();
        for (TargetRule t : targets) {
            if (t == null || t.target() == null || t.measure() == null || t.kind() == null || t.threshold() == null) {
                p.add("every target needs target, measure, threshold and kind");
                continue;
            }
            if (!names.add(t.target())) {
                p.add("target '" + t.target() + "' appears twice");
            }
            if (t.threshold().signum() <= 0 || t.threshold().compareTo(new BigDecimal(100)) > 0) {
                p.add("threshold of '" + t.target() + "' must be in (0, 100]");
            }
            if (t.measure() == Measure.CORE_PLUS_RELATED && (relatedCap == null || relatedCap.signum() < 0)) {
                p.add("relatedCap is required (>= 0) for a CORE_PLUS_RELATED target");
            }
        }
        if (hasPathTargets()) {
            if (baselineYear == null || dueYear == null || defaultBaseline == null) {
                p.add("PATH targets need baselineYear, dueYear and defaultBaseline");
            } else if (dueYear <= baselineYear || baselineYear < firstYear || dueYear > lastYear) {
                p.add("baselineYear < dueYear, both within firstYear..lastYear");
            }
        }
        return p;
    }
}
