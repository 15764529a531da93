package io.pledgewatch.ingest.submission;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.pledgewatch.ingest.submission.constraints.Abbreviated;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * One of the {@link Status} names. The payload carries the status as text so that a wrong one is a 422 naming the
 * field and the value, not a 400 from the JSON reader. It lives beside {@link Status} for the reason given in
 * {@link ConsistentAmounts}.
 */
@Target({FIELD, METHOD, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = StatusName.Validator.class)
public @interface StatusName {

    String message() default "'{given}' is not one of " + Status.NAMES;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StatusName, String> {
        @Override
        public boolean isValid(String status, ConstraintValidatorContext context) {
            if (status == null || Status.isName(status)) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("given", Abbreviated.asMessageParameter(status));
            return false;
        }
    }
}
