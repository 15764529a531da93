package io.pledgewatch.compliance.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pledgewatch.reference.Ally;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The measures NATO's own publication gives besides "who is above the line", per revision (design.md, Analyst
 * measures). A measure whose inputs are missing is null, never guessed, and {@code missing} names those inputs.
 * Shown values are rounded (percentages to four decimals, USD and constant-price amounts to whole units, per-head
 * and per-soldier figures to cents); they are computed on unrounded inputs.
 *
 * <p>A revision that carries a ratio NATO published has no amounts to compute from; where the edition published them,
 * its equipment and personnel shares and its real change are shown instead, with {@code published} true.
 *
 * @param constant   D at 2021 prices in the year's national currency: D × 100 / priceIndex
 * @param realChange % change of {@code constant} from the previous year, the previous year first converted at the
 *                   fixed rate where the nation changed currency in between (Bulgaria 2026, Croatia 2023); for a
 *                   published ratio, the real change NATO published
 * @param published  the measures are NATO's published figures (a published ratio), not computed from amounts
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AnalystMeasures(Shares shares, Ukraine ukraine, Usd usd, BigDecimal perCapitaUsd, BigDecimal perSoldierUsd,
                              BigDecimal constant, BigDecimal realChange, List<String> missing, boolean published) {

    static final MathContext MC = MathContext.DECIMAL128;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** 100 × category / D, the four summing to 100 within rounding. */
    public record Shares(BigDecimal equipment, BigDecimal personnel, BigDecimal infrastructure, BigDecimal other) {
    }

    public record Ukraine(BigDecimal pctOfDefence, BigDecimal pctOfGdp) {
    }

    /** Current prices and exchange rates: D and G divided by the annual-average rate (national units per USD). */
    public record Usd(BigDecimal defence, BigDecimal gdp) {
    }

    /**
     * @param previous the nation's current revision of the year before, if any (real change needs it)
     */
    public static AnalystMeasures of(Ally ally, ScoringInput in, Optional<ScoringInput> previous) {
        if (in.publishedRatio()) {
            return published(in);
        }
        List<String> missing = new ArrayList<>();
        ScoringInput.Breakdown b = breakdown(in);
        BigDecimal d = in.defenceTotal();
        BigDecimal g = in.gdp();
        Shares shares = b.personnel() == null || d.signum() == 0 ? null : new Shares(pct(in.equipment(), d),
                pct(b.personnel(), d), pct(b.infrastructure(), d), pct(b.other(), d));
        BigDecimal u = b.ukraineSupport() == null ? BigDecimal.ZERO : b.ukraineSupport();
        Ukraine ukraine = new Ukraine(d.signum() == 0 ? null : pct(u, d), pct(u, g));

        BigDecimal rate = usdRate(in);
        Usd usd = null;
        BigDecimal perCapita = null;
        BigDecimal perSoldier = null;
        if (rate == null) {
            missing.add("usdRate");
        } else {
            BigDecimal defenceUsd = d.divide(rate, MC);
            usd = new Usd(whole(defenceUsd), whole(g.divide(rate, MC)));
            perCapita = perHead(defenceUsd, b.population());
            perSoldier = perHead(defenceUsd, b.militaryPersonnel());
        }
        if (b.population() == null) {
            missing.add("population");
        }
        if (b.militaryPersonnel() == null) {
            missing.add("militaryPersonnel");
        }
        BigDecimal constant = constant(in).orElse(null);
        if (constant == null) {
            missing.add("priceIndex");
        }
        BigDecimal realChange = null;
        if (constant != null) {
            Optional<BigDecimal> before = previous.filter(p -> p.year() == in.year() - 1).flatMap(AnalystMeasures::constant);
            if (before.isEmpty()) {
                missing.add((in.year() - 1) + " amounts with priceIndex");
            } else {
                BigDecimal comparable = ally.convert(before.get(), in.year() - 1, in.year());
                realChange = comparable.signum() == 0 ? null
                        : ScoringEngine.round(HUNDRED.multiply(constant.divide(comparable, MC).subtract(BigDecimal.ONE), MC));
            }
        }
        return new AnalystMeasures(shares, ukraine, usd, perCapita, perSoldier, constant == null ? null : whole(constant),
                realChange, missing, false);
    }

    /**
     * What NATO published beside a ratio: the equipment and personnel shares of defence expenditure (the other two
     * categories are not in its tables) and the real change. Each one the edition left blank is null and named.
     */
    private static AnalystMeasures published(ScoringInput in) {
        List<String> missing = new ArrayList<>(List.of("amounts (a published ratio carries none)"));
        BigDecimal equipment = in.equipmentPct();
        BigDecimal personnel = breakdown(in).personnelPct();
        BigDecimal realChange = breakdown(in).realChangePct();
        if (equipment == null) {
            missing.add("equipmentPct");
        }
        if (personnel == null) {
            missing.add("personnelPct");
        }
        if (realChange == null) {
            missing.add("realChangePct");
        }
        Shares shares = equipment == null && personnel == null ? null
                : new Shares(ScoringEngine.round(equipment), ScoringEngine.round(personnel), null, null);
        return new AnalystMeasures(shares, null, null, null, null, null, ScoringEngine.round(realChange), missing, true);
    }

    private static ScoringInput.Breakdown breakdown(ScoringInput in) {
        return in.breakdown() == null ? ScoringInput.Breakdown.NONE : in.breakdown();
    }

    /** D at 2021 prices, unrounded; empty for a published ratio or without a price index. */
    static Optional<BigDecimal> constant(ScoringInput in) {
        if (in.publishedRatio() || in.breakdown() == null || in.breakdown().priceIndex() == null
                || in.breakdown().priceIndex().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(in.defenceTotal().multiply(HUNDRED).divide(in.breakdown().priceIndex(), MC));
    }


    /** National currency units per USD; 1 for figures in USD; null when not given. */
    public static BigDecimal usdRate(ScoringInput in) {
        if ("USD".equals(in.currency())) {
            return BigDecimal.ONE;
        }
        return in.usdRate() != null && in.usdRate().signum() > 0 ? in.usdRate() : null;
    }

    private static BigDecimal perHead(BigDecimal usd, BigDecimal people) {
        return people == null || people.signum() <= 0 ? null : usd.divide(people, MC).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        return part == null ? null : ScoringEngine.round(part.multiply(HUNDRED).divide(whole, MC));
    }


    private static BigDecimal whole(BigDecimal v) {
        return v.setScale(0, RoundingMode.HALF_UP);
    }
}
