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

/**
 * Free text a person wrote (a note, a source): at most {@code max} characters counted as code points (an emoji is
 * one), no control characters but line breaks and tabs, and well-formed Unicode — PostgreSQL's text cannot store a
 * lone surrogate. Each fault is its own violation.
 */
@Target({FIELD, METHOD, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = Text.Validator.class)
public @interface Text {

    int max();

    String message() default "is not plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, String> {
        private int max;

        @Override
        public void initialize(Text annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (text.codePointCount(0, text.length()) > max) {
                context.buildConstraintViolationWithTemplate("is longer than " + max + " characters").addConstraintViolation();
                valid = false;
            }
            if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                context.buildConstraintViolationWithTemplate("contains control characters").addConstraintViolation();
                valid = false;
            }
            if (text.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                context.buildConstraintViolationWithTemplate("is not valid Unicode text").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}
