package io.pledgewatch.ingest.submission.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * At most {@code value} decimal places, trailing zeros aside (4.50 has one). Unlike {@code @Digits} it says nothing
 * of the integer part, whose bound is a {@code @DecimalMax} with a message of its own.
 */
@Target({FIELD, METHOD, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = Decimals.Validator.class)
public @interface Decimals {

    int value();

    String message() default "has more than {value} decimal places";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Decimals, BigDecimal> {
        private int max;

        @Override
        public void initialize(Decimals annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || value.stripTrailingZeros().scale() <= max;
        }
    }
}
