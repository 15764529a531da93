package io.pledgewatch.compliance.plan;

import static io.pledgewatch.compliance.assessment.ScoringEngine.round;

import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The least figures of a credible plan, year by year: on both of the plan's paths ({@link PlanEvaluator#paths}, the
 * evaluator's own arithmetic), never below the year before, and so at the targets in the due year, which is where
 * both paths end. Each is given in % of GDP and, on the year's GDP, in national currency rounded up to a whole unit:
 * the least amount that is enough.
 *
 * <p>The GDP of a year is the nation's own, from its current revision for that year; a year without one is grown
 * from the nearest earlier year with a GDP at {@code gdpGrowth} % a year (nominal, compounded, converted at the fixed
 * rate where the currency changed in between) and rounded to a whole unit; before the nation's first reported GDP it
 * is shrunk back from the nearest later one the same way. A nation that has reported no GDP has no amounts.
 */
public final class PlanRequirements {

    public static final BigDecimal DEFAULT_GROWTH = new BigDecimal("3.0");
    static final BigDecimal LEAST_GROWTH = new BigDecimal("-50");
    static final BigDecimal MOST_GROWTH = new BigDecimal("100");

    private final PlanEvaluator evaluator;

    public PlanRequirements(PlanEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * The {@code gdpGrowth} parameter: % a year, default {@link #DEFAULT_GROWTH}; malformed is a 400, outside
     * −50..100 a 422, both naming it.
     */
    public static BigDecimal growth(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_GROWTH;
        }
        if (!text.matches("[+-]?\\d{1,3}(\\.\\d{1,4})?")) {
            throw ProblemException.badRequest("gdpGrowth", "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    + "' is not a growth rate in % a year (e.g. 3.0 or -1.5, at most four decimals)");
        }
        BigDecimal growth = new BigDecimal(text);
        if (growth.compareTo(LEAST_GROWTH) < 0 || growth.compareTo(MOST_GROWTH) > 0) {
            throw ProblemException.invalid("gdpGrowth", "must be between " + LEAST_GROWTH + " and " + MOST_GROWTH
                    + " (% a year, nominal)");
        }
        return growth;
    }

    /**
     * @param inputs the nation's current revisions by year: its baseline year starts the paths, every year with
     *               amounts gives its GDP
     */
    public Requirements of(Ally ally, Map<Integer, ScoringInput> inputs, BigDecimal gdpGrowth, Instant asOf) {
        PlanEvaluator.Paths paths = evaluator.paths(inputs);
        NavigableMap<Integer, BigDecimal> reported = new TreeMap<>();
        inputs.values().stream().filter(in -> !in.publishedRatio() && in.gdp() != null)
                .forEach(in -> reported.put(in.year(), in.gdp()));
        BigDecimal factor = BigDecimal.ONE.add(gdpGrowth.movePointLeft(2));
        List<Requirements.Year> years = new ArrayList<>();
        BigDecimal core = BigDecimal.ZERO;
        BigDecimal hague = BigDecimal.ZERO;
        for (int y = evaluator.firstYear(); y <= evaluator.lastYear(); y++) {
            // The incremental check compares each year with the one before: a least figure never falls.
            core = core.max(paths.core(y));
            hague = hague.max(paths.total(y));
            Gdp gdp = gdp(ally, reported, y, factor);
            BigDecimal coreAmount = amount(core, gdp.value());
            BigDecimal hagueAmount = amount(hague, gdp.value());
            years.add(new Requirements.Year(y, ally.currencyIn(y), gdp.value(), gdp.source(), gdp.fromYear(),
                    round(core), coreAmount, round(hague), hagueAmount, round(hague.subtract(core)),
                    hagueAmount == null ? null : hagueAmount.subtract(coreAmount)));
        }
        return new Requirements(ally.iso3(), ally.name(), asOf, gdpGrowth, new Plan.Baseline(paths.baselineYear(),
                round(paths.coreBaseline()), round(paths.totalBaseline()), paths.defaulted()), years);
    }

    record Gdp(BigDecimal value, Requirements.GdpSource source, Integer fromYear) {
    }

    static Gdp gdp(Ally ally, NavigableMap<Integer, BigDecimal> reported, int year, BigDecimal factor) {
        BigDecimal own = reported.get(year);
        if (own != null) {
            // As reported, without the two decimals every stored amount carries.
            BigDecimal shown = own.stripTrailingZeros();
            return new Gdp(shown.scale() < 0 ? shown.setScale(0) : shown, Requirements.GdpSource.REVISION, null);
        }
        Map.Entry<Integer, BigDecimal> before = reported.lowerEntry(year);
        if (before != null) {
            BigDecimal grown = ally.convert(before.getValue(), before.getKey(), year)
                    .multiply(factor.pow(year - before.getKey()));
            return new Gdp(grown.setScale(0, RoundingMode.HALF_UP), Requirements.GdpSource.GROWN, before.getKey());
        }
        Map.Entry<Integer, BigDecimal> after = reported.higherEntry(year);
        if (after != null) {
            BigDecimal shrunk = ally.convert(after.getValue(), after.getKey(), year)
                    .divide(factor.pow(after.getKey() - year), MathContext.DECIMAL128);
            return new Gdp(shrunk.setScale(0, RoundingMode.HALF_UP), Requirements.GdpSource.GROWN, after.getKey());
        }
        return new Gdp(null, Requirements.GdpSource.NONE, null);
    }

    /** {@code pct} % of {@code gdp}, rounded up to a whole unit: exact arithmetic, so the amount is never short. */
    private static BigDecimal amount(BigDecimal pct, BigDecimal gdp) {
        return gdp == null ? null : pct.multiply(gdp).movePointLeft(2).setScale(0, RoundingMode.CEILING);
    }
}
