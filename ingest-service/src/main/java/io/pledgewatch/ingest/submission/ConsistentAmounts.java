package io.pledgewatch.ingest.submission;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The amounts agree with each other: the four categories sum to the total within one currency unit (NATO's
 * rounding), equipment and Ukraine support are parts of the total, the total is within GDP, and so are the related
 * amounts together. Checked once GDP, the total and the four categories are all given; each disagreement names the
 * field it is about.
 *
 * <p>It lives beside {@link SubmissionPayload}, whose fields it reads; {@code constraints} holds the constraints that
 * know none of this package's classes, so the dependency points one way.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = ConsistentAmounts.Validator.class)
public @interface ConsistentAmounts {

    /** The four categories must sum to the total "within one currency unit". */
    String SUM_TOLERANCE = "1";

    String message() default "the amounts do not agree";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentAmounts, SubmissionPayload> {
        private static final BigDecimal TOLERANCE = new BigDecimal(SUM_TOLERANCE);

        @Override
        public boolean isValid(SubmissionPayload p, ConstraintValidatorContext context) {
            SubmissionPayload.Defence d = p.defence();
            if (p.gdp() == null || d == null || d.total() == null || d.equipment() == null || d.personnel() == null
                    || d.infrastructure() == null || d.other() == null) {
                return true;
            }
            HibernateConstraintValidatorContext c = context.unwrap(HibernateConstraintValidatorContext.class);
            c.disableDefaultConstraintViolation();
            boolean valid = true;
            BigDecimal sum = d.equipment().add(d.personnel()).add(d.infrastructure()).add(d.other());
            if (sum.subtract(d.total()).abs().compareTo(TOLERANCE) > 0) {
                c.addMessageParameter("sum", sum.toPlainString()).addMessageParameter("total", d.total().toPlainString())
                        .buildConstraintViolationWithTemplate("equipment + personnel + infrastructure + other = {sum},"
                                + " which differs from total {total} by more than one currency unit")
                        .addPropertyNode("defence").addPropertyNode("total").addConstraintViolation();
                valid = false;
            }
            if (d.equipment().compareTo(d.total()) > 0) {
                c.buildConstraintViolationWithTemplate("cannot exceed defence.total")
                        .addPropertyNode("defence").addPropertyNode("equipment").addConstraintViolation();
                valid = false;
            }
            if (d.ukraineSupport() != null && d.ukraineSupport().compareTo(d.total()) > 0) {
                c.buildConstraintViolationWithTemplate("is part of defence.total and cannot exceed it")
                        .addPropertyNode("defence").addPropertyNode("ukraineSupport").addConstraintViolation();
                valid = false;
            }
            if (d.total().compareTo(p.gdp()) > 0) {
                c.buildConstraintViolationWithTemplate("cannot exceed gdp (are both in whole currency units?)")
                        .addPropertyNode("defence").addPropertyNode("total").addConstraintViolation();
                valid = false;
            }
            SubmissionPayload.Related r = p.related();
            if (r != null && zeroIfNull(r.criticalInfrastructure()).add(zeroIfNull(r.cyberAndNetworks()))
                    .add(zeroIfNull(r.civilPreparedness())).add(zeroIfNull(r.innovation()))
                    .add(zeroIfNull(r.industrialBase())).compareTo(p.gdp()) > 0) {
                c.buildConstraintViolationWithTemplate("the related amounts together cannot exceed gdp")
                        .addPropertyNode("related").addConstraintViolation();
                valid = false;
            }
            return valid;
        }

        private static BigDecimal zeroIfNull(BigDecimal value) {
            return value == null ? BigDecimal.ZERO : value;
        }
    }
}
