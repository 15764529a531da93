package io.pledgewatch.ingest.submission.constraints;

import io.pledgewatch.reference.Ally;

/**
 * Whose figures, for which year: what the Allies-table constraints ({@link NationalCurrency}, {@link AllyInYear})
 * check a submission against. The Ally and year come from the request path or the CSV row, not from the payload,
 * so they are handed to the validator as its constraint-validator payload
 * ({@code HibernateValidatorContext#constraintValidatorPayload}).
 */
public record AllyYear(Ally ally, int year) {

    static AllyYear of(jakarta.validation.ConstraintValidatorContext context) {
        AllyYear allyYear = context.unwrap(org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext.class)
                .getConstraintValidatorPayload(AllyYear.class);
        if (allyYear == null) {
            throw new IllegalStateException("validated without the Ally and year it is for (see SubmissionRules)");
        }
        return allyYear;
    }
}
