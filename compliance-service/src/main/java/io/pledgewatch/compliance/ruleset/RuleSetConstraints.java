package io.pledgewatch.compliance.ruleset;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The rules of a {@link RuleSet} that cross its fields, as constraints naming the field at fault. */
public final class RuleSetConstraints {

    private RuleSetConstraints() {
    }

    /** {@code firstYear} is not after {@code lastYear}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = YearsInOrderValidator.class)
    public @interface YearsInOrder {
        String message() default "must not be before firstYear";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A {@code CORE_PLUS_RELATED} target credits related spending up to {@code relatedCap}, which it therefore needs. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = CapWhereRelatedIsCreditedValidator.class)
    public @interface CapWhereRelatedIsCredited {
        String message() default "is required for a CORE_PLUS_RELATED target";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /**
     * {@code PATH} targets are reached on a line from {@code baselineYear} (starting at the nation's own value or
     * {@code defaultBaseline}) to {@code dueYear}: all three are needed, the line runs forward, within the rule set's years.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PathDefinedValidator.class)
    public @interface PathDefined {
        String message() default "is required for PATH targets";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** No two targets share a name (assessments and plans look targets up by it). */
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = UniqueTargetNamesValidator.class)
    public @interface UniqueTargetNames {
        String message() default "must not name a target twice";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class YearsInOrderValidator implements ConstraintValidator<YearsInOrder, RuleSet> {
        @Override
        public boolean isValid(RuleSet set, ConstraintValidatorContext context) {
            return set == null || set.firstYear() <= set.lastYear() || violation(context, "lastYear",
                    context.getDefaultConstraintMessageTemplate());
        }
    }

    public static class CapWhereRelatedIsCreditedValidator implements ConstraintValidator<CapWhereRelatedIsCredited, RuleSet> {
        @Override
        public boolean isValid(RuleSet set, ConstraintValidatorContext context) {
            boolean credited = set != null && set.targets() != null && set.targets().stream()
                    .anyMatch(t -> t != null && t.measure() == RuleSet.Measure.CORE_PLUS_RELATED);
            return !credited || set.relatedCap() != null || violation(context, "relatedCap",
                    context.getDefaultConstraintMessageTemplate());
        }
    }

    public static class PathDefinedValidator implements ConstraintValidator<PathDefined, RuleSet> {
        @Override
        public boolean isValid(RuleSet set, ConstraintValidatorContext context) {
            if (set == null || set.targets() == null || !set.hasPathTargets()) {
                return true;
            }
            boolean valid = true;
            String required = context.getDefaultConstraintMessageTemplate();
            if (set.baselineYear() == null) {
                valid = violation(context, "baselineYear", required);
            }
            if (set.dueYear() == null) {
                valid = violation(context, "dueYear", required);
            }
            if (set.defaultBaseline() == null) {
                valid = violation(context, "defaultBaseline", required);
            }
            if (set.baselineYear() != null && set.dueYear() != null) {
                if (set.baselineYear() < set.firstYear()) {
                    valid = violation(context, "baselineYear", "must not be before firstYear");
                }
                if (set.dueYear() <= set.baselineYear()) {
                    valid = violation(context, "dueYear", "must be after baselineYear");
                }
                if (set.dueYear() > set.lastYear()) {
                    valid = violation(context, "dueYear", "must not be after lastYear");
                }
            }
            return valid;
        }
    }

    public static class UniqueTargetNamesValidator implements ConstraintValidator<UniqueTargetNames, List<RuleSet.TargetRule>> {
        @Override
        public boolean isValid(List<RuleSet.TargetRule> targets, ConstraintValidatorContext context) {
            if (targets == null) {
                return true;
            }
            Set<String> names = new HashSet<>();
            return targets.stream().filter(Objects::nonNull).map(RuleSet.TargetRule::target).filter(Objects::nonNull)
                    .allMatch(names::add);
        }
    }

    /** Reports {@code message} on {@code field} instead of on the rule set as a whole; always false. */
    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
