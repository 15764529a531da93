package io.pledgewatch.ingest.submission;

import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The contract's rules for a submission, in one plain class: a unit test calls it directly and the PUT
 * and CSV import both go through it. Every violation names the field it is about.
 */
public final class SubmissionRules {

    public static final Set<String> STATUSES = Set.of("PLAN", "BUDGET", "ESTIMATE", "ACTUAL");
    public static final int NOTE_MAX = 2000;
    public static final int SOURCE_MAX = 500;
    /** Larger than any Ally's GDP in any currency by orders of magnitude; fits NUMERIC(20,2). */
    static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1e17");
    static final int AMOUNT_MAX_SCALE = 2;
    static final BigDecimal USD_RATE_LIMIT = new BigDecimal("1e9");
    static final int USD_RATE_MAX_SCALE = 8;
    static final int RATIO_MAX_SCALE = 6;
    /** Above any nation's population or armed forces by orders of magnitude; persons are counted whole. */
    static final BigDecimal PERSONS_LIMIT = new BigDecimal("1e10");
    /** A GDP deflator (2021 = 100) far beyond any hyperinflation an Ally has seen; four decimals. */
    static final BigDecimal PRICE_INDEX_LIMIT = new BigDecimal("1e6");
    static final int PRICE_INDEX_MAX_SCALE = 4;
    static final BigDecimal HUNDRED = new BigDecimal(100);
    /** The four categories must sum to the total "within one currency unit". */
    static final BigDecimal SUM_TOLERANCE = BigDecimal.ONE;

    private final Allies allies;

    public SubmissionRules(Allies allies) {
        this.allies = allies;
    }

    /** The Ally a path names; upper-case ISO alpha-3 only. */
    public Ally ally(String country) {
        return allies.find(country).orElseThrow(() -> ProblemException.notFound("country",
                "'" + abbreviate(country) + "' is not a NATO Ally (use the ISO 3166-1 alpha-3 code, upper case)"));
    }

    public static int year(String year) {
        if (year == null || !year.matches("\\d{4}")) {
            throw ProblemException.badRequest("year", "'" + abbreviate(year) + "' is not a four-digit year");
        }
        return Integer.parseInt(year);
    }

    /** Year checks for delegation submissions and amount rows: in scope, and the nation an Ally by then. */
    public static List<Violation> yearViolations(Ally ally, int year, boolean allowBeforeAccession) {
        List<Violation> v = new ArrayList<>();
        if (!Allies.isYearInScope(year)) {
            v.add(new Violation("year", "must be within " + Allies.FIRST_YEAR + ".." + Allies.LAST_YEAR));
        } else if (!allowBeforeAccession && !ally.isAllyIn(year)) {
            v.add(new Violation("year", ally.name() + " joined NATO in " + ally.accessionYear()
                    + "; " + year + " is before its accession"));
        }
        return v;
    }

    public RevisionContent amounts(Ally ally, int year, SubmissionPayload p) {
        List<Violation> v = new ArrayList<>(yearViolations(ally, year, false));
        if (p == null) {
            throw ProblemException.badRequest("body", "a JSON submission body is required");
        }
        status(p.status(), v);
        currency(ally, year, p.currency(), true, v);
        amount("gdp", p.gdp(), true, v);
        if (p.gdp() != null && p.gdp().signum() == 0) {
            v.add(new Violation("gdp", "must be greater than 0"));
        }
        SubmissionPayload.Defence d = p.defence();
        if (d == null) {
            v.add(new Violation("defence", "is required"));
            d = new SubmissionPayload.Defence(null, null, null, null, null, null);
        } else {
            amount("defence.total", d.total(), true, v);
            amount("defence.equipment", d.equipment(), true, v);
            amount("defence.personnel", d.personnel(), true, v);
            amount("defence.infrastructure", d.infrastructure(), true, v);
            amount("defence.other", d.other(), true, v);
            amount("defence.ukraineSupport", d.ukraineSupport(), false, v);
        }
        SubmissionPayload.Related r = p.related() == null
                ? new SubmissionPayload.Related(null, null, null, null, null) : p.related();
        amount("related.criticalInfrastructure", r.criticalInfrastructure(), false, v);
        amount("related.cyberAndNetworks", r.cyberAndNetworks(), false, v);
        amount("related.civilPreparedness", r.civilPreparedness(), false, v);
        amount("related.innovation", r.innovation(), false, v);
        amount("related.industrialBase", r.industrialBase(), false, v);
        if (p.usdRate() != null) {
            bounded("usdRate", p.usdRate(), USD_RATE_LIMIT, USD_RATE_MAX_SCALE, v);
            if (p.usdRate().signum() <= 0) {
                v.add(new Violation("usdRate", "must be greater than 0 (national currency units per USD)"));
            }
        }
        note(p.note(), "note", NOTE_MAX, v);
        positive("population", p.population(), PERSONS_LIMIT, 0, "residents, annual average", v);
        positive("militaryPersonnel", p.militaryPersonnel(), PERSONS_LIMIT, 0, "persons, NATO definition", v);
        positive("priceIndex", p.priceIndex(), PRICE_INDEX_LIMIT, PRICE_INDEX_MAX_SCALE, "the GDP deflator, 2021 = 100", v);
        if (p.gdp() != null && d.total() != null && d.equipment() != null && d.personnel() != null
                && d.infrastructure() != null && d.other() != null) {
            crossChecks(p.gdp(), d, r, v);
        }
        if (!v.isEmpty()) {
            throw ProblemException.invalid(v);
        }
        return RevisionContent.amounts(p.status(), p.currency(), p.gdp(), d.total(), d.equipment(), d.personnel(),
                d.infrastructure(), d.other(), zeroIfNull(d.ukraineSupport()), zeroIfNull(r.criticalInfrastructure()),
                zeroIfNull(r.cyberAndNetworks()), zeroIfNull(r.civilPreparedness()), zeroIfNull(r.innovation()),
                zeroIfNull(r.industrialBase()), p.usdRate(), emptyToNull(p.note()), p.population(),
                p.militaryPersonnel(), p.priceIndex());
    }

    /**
     * A ratio NATO published (imports only). Years before accession are accepted here, because NATO's own
     * tables carry them for comparison; they are stored as such and never counted as an Ally's year.
     */
    public RevisionContent publishedRatio(Ally ally, int year, String status, String currency, BigDecimal defencePctGdp,
                                          BigDecimal equipmentPct, String source, String note) {
        List<Violation> v = new ArrayList<>(yearViolations(ally, year, true));
        status(status, v);
        currency(ally, year, currency, false, v);
        percentage("defence_pct_gdp", defencePctGdp, true, v);
        if (defencePctGdp != null && defencePctGdp.signum() == 0) {
            v.add(new Violation("defence_pct_gdp", "must be greater than 0"));
        }
        percentage("equipment_pct", equipmentPct, false, v);
        if (source == null || source.isBlank()) {
            v.add(new Violation("source", "a published ratio needs its source (a 'source' column or the ?source= parameter)"));
        } else {
            note(source, "source", SOURCE_MAX, v);
        }
        note(note, "note", NOTE_MAX, v);
        if (!v.isEmpty()) {
            throw ProblemException.invalid(v);
        }
        return RevisionContent.publishedRatio(status, ally.currencyIn(year), defencePctGdp, equipmentPct, source.strip(),
                emptyToNull(note));
    }

    private static void crossChecks(BigDecimal gdp, SubmissionPayload.Defence d, SubmissionPayload.Related r,
                                    List<Violation> v) {
        BigDecimal sum = d.equipment().add(d.personnel()).add(d.infrastructure()).add(d.other());
        if (sum.subtract(d.total()).abs().compareTo(SUM_TOLERANCE) > 0) {
            v.add(new Violation("defence.total", "equipment + personnel + infrastructure + other = "
                    + sum.toPlainString() + ", which differs from total " + d.total().toPlainString()
                    + " by more than one currency unit"));
        }
        if (d.equipment().compareTo(d.total()) > 0) {
            v.add(new Violation("defence.equipment", "cannot exceed defence.total"));
        }
        if (d.ukraineSupport() != null && d.ukraineSupport().compareTo(d.total()) > 0) {
            v.add(new Violation("defence.ukraineSupport", "is part of defence.total and cannot exceed it"));
        }
        if (d.total().compareTo(gdp) > 0) {
            v.add(new Violation("defence.total", "cannot exceed gdp (are both in whole currency units?)"));
        }
        BigDecimal related = zeroIfNull(r.criticalInfrastructure()).add(zeroIfNull(r.cyberAndNetworks()))
                .add(zeroIfNull(r.civilPreparedness())).add(zeroIfNull(r.innovation())).add(zeroIfNull(r.industrialBase()));
        if (related.compareTo(gdp) > 0) {
            v.add(new Violation("related", "the related amounts together cannot exceed gdp"));
        }
    }

    private static void status(String status, List<Violation> v) {
        if (status == null) {
            v.add(new Violation("status", "is required: one of PLAN, BUDGET, ESTIMATE, ACTUAL"));
        } else if (!STATUSES.contains(status)) {
            v.add(new Violation("status", "'" + abbreviate(status) + "' is not one of PLAN, BUDGET, ESTIMATE, ACTUAL"));
        }
    }

    private static void currency(Ally ally, int year, String currency, boolean required, List<Violation> v) {
        String inForce = ally.currencyIn(year);
        if (currency == null || currency.isEmpty()) {
            if (required) {
                v.add(new Violation("currency", "is required: " + ally.name() + " reports " + year + " in " + inForce));
            }
        } else if (!currency.equals(inForce)) {
            v.add(new Violation("currency", "'" + abbreviate(currency) + "' is not " + ally.name() + "'s currency in "
                    + year + ": amounts for that year are in " + inForce));
        }
    }

    private static void amount(String field, BigDecimal value, boolean required, List<Violation> v) {
        if (value == null) {
            if (required) {
                v.add(new Violation(field, "is required"));
            }
            return;
        }
        if (value.signum() < 0) {
            v.add(new Violation(field, "cannot be negative"));
        }
        bounded(field, value, AMOUNT_LIMIT, AMOUNT_MAX_SCALE, v);
    }

    /** An optional count or index: when present, greater than 0, below its limit, with at most its decimals. */
    private static void positive(String field, BigDecimal value, BigDecimal limit, int maxScale, String what,
                                 List<Violation> v) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0) {
            v.add(new Violation(field, "must be greater than 0 (" + what + ")"));
        } else if (maxScale == 0 && value.stripTrailingZeros().scale() > 0) {
            v.add(new Violation(field, "must be a whole number (" + what + ")"));
        } else {
            bounded(field, value, limit, maxScale, v);
        }
    }

    private static void bounded(String field, BigDecimal value, BigDecimal limit, int maxScale, List<Violation> v) {
        if (value.abs().compareTo(limit) >= 0) {
            v.add(new Violation(field, "is implausibly large (must be below " + limit.toPlainString() + ")"));
        } else if (value.stripTrailingZeros().scale() > maxScale) {
            v.add(new Violation(field, "has more than " + maxScale + " decimal places"));
        }
    }

    private static void percentage(String field, BigDecimal value, boolean required, List<Violation> v) {
        if (value == null) {
            if (required) {
                v.add(new Violation(field, "is required"));
            }
            return;
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            v.add(new Violation(field, "must be a percentage between 0 and 100"));
        } else if (value.stripTrailingZeros().scale() > RATIO_MAX_SCALE) {
            v.add(new Violation(field, "has more than " + RATIO_MAX_SCALE + " decimal places"));
        }
    }

    private static void note(String text, String field, int max, List<Violation> v) {
        if (text == null) {
            return;
        }
        if (text.codePointCount(0, text.length()) > max) {
            v.add(new Violation(field, "is longer than " + max + " characters"));
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            v.add(new Violation(field, "contains control characters"));
        }
        if (text.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            v.add(new Violation(field, "is not valid Unicode text"));
        }
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String safe = s.replaceAll("\\p{Cntrl}", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }
}
