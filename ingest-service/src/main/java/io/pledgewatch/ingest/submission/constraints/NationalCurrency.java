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
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The ISO 4217 code of the currency the Ally's amounts for that year are in (Lithuania: LTL until 2014, EUR since),
 * from the Allies table. Checked against the {@link AllyYear} the submission is for.
 */
@Target({FIELD, METHOD, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = NationalCurrency.Validator.class)
public @interface NationalCurrency {

    /** Whether the currency must be given (amounts) or may be left to the Allies table (a published ratio). */
    boolean required();

    String message() default "'{given}' is not {nation}'s currency in {year}: amounts for that year are in {inForce}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NationalCurrency, String> {
        private boolean required;

        @Override
        public void initialize(NationalCurrency annotation) {
            required = annotation.required();
        }

        @Override
        public boolean isValid(String currency, ConstraintValidatorContext context) {
            AllyYear of = AllyYear.of(context);
            String inForce = of.ally().currencyIn(of.year());
            boolean missing = currency == null || currency.isEmpty();
            if (missing ? !required : currency.equals(inForce)) {
                return true;
            }
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("given", Abbreviated.asMessageParameter(currency))
                    .addMessageParameter("nation", of.ally().name())
                    .addMessageParameter("year", String.valueOf(of.year()))
                    .addMessageParameter("inForce", inForce);
            if (missing) {
                hibernate.disableDefaultConstraintViolation();
                hibernate.buildConstraintViolationWithTemplate("is required: {nation} reports {year} in {inForce}")
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
