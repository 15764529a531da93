package io.pledgewatch.ingest.submission.constraints;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The figures are for a year the suite tracks and, unless {@code beforeAccession} allows it, a year in which the
 * nation was an Ally (Sweden from 2024). A published ratio may precede accession: NATO's own tables carry such
 * years for comparison, and they are stored as such and never counted as an Ally's year. The violation names the
 * field {@code year}, which the request path or the CSV row gives (see {@link AllyYear}).
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = AllyInYear.Validator.class)
public @interface AllyInYear {

    boolean beforeAccession() default false;

    String message() default "must be within " + Allies.FIRST_YEAR + ".." + Allies.LAST_YEAR;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AllyInYear, Object> {
        private boolean beforeAccession;

        @Override
        public void initialize(AllyInYear annotation) {
            beforeAccession = annotation.beforeAccession();
        }

        @Override
        public boolean isValid(Object submission, ConstraintValidatorContext context) {
            AllyYear of = AllyYear.of(context);
            Ally ally = of.ally();
            int year = of.year();
            context.disableDefaultConstraintViolation();
            if (!Allies.isYearInScope(year)) {
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("year").addConstraintViolation();
                return false;
            }
            if (!beforeAccession && !ally.isAllyIn(year)) {
                context.unwrap(HibernateConstraintValidatorContext.class)
                        .addMessageParameter("nation", ally.name())
                        .addMessageParameter("accession", String.valueOf(ally.accessionYear()))
                        .addMessageParameter("year", String.valueOf(year))
                        .buildConstraintViolationWithTemplate("{nation} joined NATO in {accession}; {year} is before its accession")
                        .addPropertyNode("year").addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
