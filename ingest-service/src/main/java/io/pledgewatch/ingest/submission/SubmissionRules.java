package io.pledgewatch.ingest.submission;

import io.pledgewatch.ingest.submission.constraints.Abbreviated;
import io.pledgewatch.ingest.submission.constraints.AllyYear;
import io.pledgewatch.platform.problem.PastDay;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidatorFactory;

/**
 * Applies the contract's rules for a submission — the constraints on {@link SubmissionPayload} and
 * {@link PublishedRatio} — for one Ally and year, and turns what they find into the 422 problem naming each field.
 * The PUT and the CSV import both go through it; a unit test builds it on a plain validator factory.
 */
@Singleton
public final class SubmissionRules {

    public static final int NOTE_MAX = 2000;
    public static final int SOURCE_MAX = 500;

    /**
     * The order in which a refusal lists its fields: the contract's order of the body, then the checks across fields.
     * A validator reports a set; a problem should read the same every time.
     */
    private static final List<String> FIELD_ORDER = List.of("year", "status", "currency", "gdp", "defence",
            "defence.total", "defence.equipment", "defence.personnel", "defence.infrastructure", "defence.other",
            "defence.ukraineSupport", "related", "related.criticalInfrastructure", "related.cyberAndNetworks",
            "related.civilPreparedness", "related.innovation", "related.industrialBase", "usdRate", "defencePctGdp",
            "equipmentPct", "personnelPct", "realChangePct", "source", "note", "population", "militaryPersonnel", "priceIndex");

    private final Allies allies;
    private final HibernateValidatorFactory validators;

    @Inject
    public SubmissionRules(ValidatorFactory validators) {
        this(Allies.get(), validators);
    }

    public SubmissionRules(Allies allies, ValidatorFactory validators) {
        this.allies = allies;
        this.validators = validators.unwrap(HibernateValidatorFactory.class);
    }

    /** The Ally a path names; upper-case ISO alpha-3 only. */
    public Ally ally(String country) {
        return allies.find(country).orElseThrow(() -> ProblemException.notFound("country",
                "'" + Abbreviated.of(country) + "' is not a NATO Ally (use the ISO 3166-1 alpha-3 code, upper case)"));
    }

    public static int year(String year) {
        if (year == null || !year.matches("\\d{4}")) {
            throw ProblemException.badRequest("year", "'" + Abbreviated.of(year) + "' is not a four-digit year");
        }
        return Integer.parseInt(year);
    }

    /**
     * The day a source published an import's figures ({@code ?publishedOn=YYYY-MM-DD}): a calendar date not after
     * {@code today} (UTC), since nobody knows figures before they are published. Malformed is a 400, a later day a 422,
     * both naming {@code publishedOn}.
     */
    public static LocalDate publishedOn(String text, LocalDate today) {
        return PastDay.parse("publishedOn", text, today);
    }

    /** A nation's amounts for a year in which it is an Ally, normalised; refused (422) naming every field at fault. */
    public RevisionContent amounts(Ally ally, int year, SubmissionPayload p) {
        if (p == null) {
            throw ProblemException.badRequest("body", "a JSON submission body is required");
        }
        check(ally, year, p);
        SubmissionPayload.Defence d = p.defence();
        SubmissionPayload.Related r = p.related() == null
                ? new SubmissionPayload.Related(null, null, null, null, null) : p.related();
        return RevisionContent.amounts(Status.valueOf(p.status()), p.currency(), p.gdp(), d.total(), d.equipment(),
                d.personnel(), d.infrastructure(), d.other(), zeroIfNull(d.ukraineSupport()),
                zeroIfNull(r.criticalInfrastructure()), zeroIfNull(r.cyberAndNetworks()),
                zeroIfNull(r.civilPreparedness()), zeroIfNull(r.innovation()), zeroIfNull(r.industrialBase()),
                p.usdRate(), emptyToNull(p.note()), p.population(), p.militaryPersonnel(), p.priceIndex());
    }

    /** A ratio NATO published (imports only), in the Ally's currency of that year. */
    public RevisionContent publishedRatio(Ally ally, int year, PublishedRatio ratio) {
        check(ally, year, ratio);
        return RevisionContent.publishedRatio(Status.valueOf(ratio.status()), ally.currencyIn(year),
                ratio.defencePctGdp(), ratio.equipmentPct(), ratio.personnelPct(), ratio.realChangePct(),
                ratio.source().strip(), emptyToNull(ratio.note()));
    }

    private void check(Ally ally, int year, Object submission) {
        Validator validator = validators.usingContext().constraintValidatorPayload(new AllyYear(ally, year)).getValidator();
        Set<ConstraintViolation<Object>> found = validator.validate(submission);
        if (!found.isEmpty()) {
            throw ProblemException.invalid(found.stream().sorted(IN_ORDER).map(v -> new Violation(
                    v.getPropertyPath().toString(), v.getMessage())).toList());
        }
    }

    private static final Comparator<ConstraintViolation<?>> IN_ORDER = Comparator
            .comparing((ConstraintViolation<?> v) -> isAcrossFields(v))
            .thenComparingInt(v -> rank(v.getPropertyPath().toString()));

    private static boolean isAcrossFields(ConstraintViolation<?> v) {
        return v.getConstraintDescriptor().getAnnotation() instanceof ConsistentAmounts;
    }

    private static int rank(String field) {
        int i = FIELD_ORDER.indexOf(field);
        return i < 0 ? FIELD_ORDER.size() : i;
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
