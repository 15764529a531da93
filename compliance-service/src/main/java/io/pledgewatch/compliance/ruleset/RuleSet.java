package io.pledgewatch.compliance.ruleset;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;

/**
 * A versioned rule set as data (src/main/resources/rulesets/*.json or a staff update), never as constants in
 * code. {@code FIXED} targets are met at their threshold every year; {@code PATH} targets are due in
 * {@code dueYear} and reached on a straight line from the nation's own {@code baselineYear} value. What makes scoring
 * with it ill-defined is refused by its constraints (those across fields in {@link RuleSetConstraints}).
 */
@RegisterForReflection
@RuleSetConstraints.YearsInOrder
@RuleSetConstraints.CapWhereRelatedIsCredited
@RuleSetConstraints.PathDefined
public record RuleSet(
        @NotNull @Pattern(regexp = "[a-z0-9-]{3,32}", message = "must be 3-32 lower-case letters, digits or dashes")
        String id,
        @NotNull @Pattern(regexp = "[0-9A-Za-z.-]{1,16}", message = "must be 1-16 letters, digits, dots or dashes")
        String version,
        String title,
        String source,
        @Min(FIRST_YEAR) @Max(LAST_YEAR) int firstYear,
        @Min(FIRST_YEAR) @Max(LAST_YEAR) int lastYear,
        @DecimalMin("0") BigDecimal relatedCap,
        Integer baselineYear,
        BigDecimal defaultBaseline,
        Integer dueYear,
        @NotEmpty @RuleSetConstraints.UniqueTargetNames List<@NotNull @Valid TargetRule> targets) {

    /** The years a rule set may cover: the Wales pledge's first to the end of The Hague's plans. */
    static final int FIRST_YEAR = 2014;
    static final int LAST_YEAR = 2035;

    public enum Measure { CORE, EQUIPMENT, CORE_PLUS_RELATED }

    public enum Kind { FIXED, PATH }

    public record TargetRule(
            @NotNull String target,
            @NotNull Measure measure,
            @NotNull
            @DecimalMin(value = "0", inclusive = false, message = "must be in (0, 100]")
            @DecimalMax(value = "100", message = "must be in (0, 100]")
            BigDecimal threshold,
            @NotNull Kind kind) {
    }

    public boolean appliesTo(int year) {
        return year >= firstYear && year <= lastYear;
    }

    public boolean hasPathTargets() {
        return targets.stream().anyMatch(t -> t != null && t.kind() == Kind.PATH);
    }
}
