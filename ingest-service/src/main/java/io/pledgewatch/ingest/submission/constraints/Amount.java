package io.pledgewatch.ingest.submission.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An amount in whole national currency units: not negative, at most two decimals, and below 10^17 — larger than any
 * Ally's GDP in any currency by orders of magnitude, and what NUMERIC(20,2) holds.
 */
@PositiveOrZero(message = "cannot be negative")
@DecimalMax(value = "1e17", inclusive = false, message = "is implausibly large (must be below 100000000000000000)")
@Decimals(2)
@Target({FIELD, METHOD, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = {})
public @interface Amount {

    String message() default "is not a plausible amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
