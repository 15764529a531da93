package io.pledgewatch.compliance.alliance;

import io.pledgewatch.compliance.assessment.AnalystMeasures;
import io.pledgewatch.compliance.assessment.AssessmentService.Scored;
import io.pledgewatch.compliance.plan.Plan;
import io.pledgewatch.compliance.plan.PlanService;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Alliance counts for one year, on unrounded values. The thresholds are the ones the contract's field names
 * state (atOrAbove2, atOrAbove3_5 on core%; atOrAbove5 on hague%). "On path" counts a Hague target whose
 * status is ON_PATH or MET (a nation past its target is also on its path).
 */
public final class AllianceCalculator {

    static final BigDecimal TWO = new BigDecimal("2");
    static final BigDecimal THREE_AND_A_HALF = new BigDecimal("3.5");
    static final BigDecimal FIVE = new BigDecimal("5");
    static final String HAGUE = "hague-2025";

    private AllianceCalculator() {
    }

    public static AllianceSummary summarise(int year, List<Scored> scored, String ruleSets, AllianceSummary.Plans plans) {
        List<Scored> assessed = scored.stream().filter(s -> s.assessment().assessed()).toList();
        List<BigDecimal> cores = assessed.stream().map(s -> s.assessment().unrounded().core()).sorted().toList();
        int at2 = (int) cores.stream().filter(c -> c.compareTo(TWO) >= 0).count();
        int at35 = (int) cores.stream().filter(c -> c.compareTo(THREE_AND_A_HALF) >= 0).count();
        int at5 = (int) assessed.stream().filter(s -> s.assessment().unrounded().hague().compareTo(FIVE) >= 0).count();
        boolean hagueApplies = assessed.stream().anyMatch(s -> s.assessment().ruleSets().containsKey(HAGUE));
        Integer onPathCore = hagueApplies ? countOnPath(assessed, "core") : null;
        Integer onPathTotal = hagueApplies ? countOnPath(assessed, "total") : null;

        BigDecimal europeCanada = BigDecimal.ZERO;
        BigDecimal unitedStates = null;
        int withoutRate = 0;
        int withoutAmounts = 0;
        for (Scored s : assessed) {
            if (s.input().publishedRatio()) {
                withoutAmounts++;
                continue;
            }
            BigDecimal usd;
            if ("USD".equals(s.input().currency())) {
                usd = s.input().defenceTotal();
            } else if (s.input().usdRate() != null && s.input().usdRate().signum() > 0) {
                usd = s.input().defenceTotal().divide(s.input().usdRate(), MathContext.DECIMAL128);
            } else {
                withoutRate++;
                continue;
            }
            usd = usd.setScale(0, RoundingMode.HALF_UP);
            if (s.ally().isUnitedStates()) {
                unitedStates = usd;
            } else {
                europeCanada = europeCanada.add(usd);
            }
        }
        Set<String> present = scored.stream().map(s -> s.ally().iso3()).collect(Collectors.toSet());
        List<String> noData = new ArrayList<>();
        for (Ally a : Allies.get().all()) {
            if (a.isAssessed() && a.isAllyIn(year) && !present.contains(a.iso3())) {
                noData.add(a.iso3());
            }
        }
        List<String> notAssessed = scored.stream().filter(s -> !s.assessment().assessed())
                .map(s -> s.ally().iso3()).sorted().toList();
        return new AllianceSummary(year, assessed.size(), at2, at35, at5, onPathCore, onPathTotal,
                round(median(cores)), round(mean(cores)),
                new AllianceSummary.Usd(europeCanada, unitedStates, withoutRate, withoutAmounts),
                notAssessed, noData, ruleSets, totals(assessed), coverage(assessed), plans, null);
    }

    /** The Alliance's plan counts: credible, not credible, and Allies with no figures for any plan year. */
    public static AllianceSummary.Plans planCounts(List<Plan> plans) {
        int credible = (int) plans.stream().filter(Plan::credible).count();
        int none = (int) plans.stream().filter(p -> !PlanService.hasAny(p)).count();
        return new AllianceSummary.Plans(credible, plans.size() - credible - none, none);
    }

    /** Σ over the assessed nations whose revision carries amounts and a USD rate (or is in USD). */
    static AllianceSummary.Totals totals(List<Scored> assessed) {
        List<Scored> priced = priced(assessed);
        List<Scored> europeCanada = priced.stream().filter(s -> !s.ally().isUnitedStates()).toList();
        List<Scored> us = priced.stream().filter(s -> s.ally().isUnitedStates()).toList();
        BigDecimal usDefence = sum(us, true);
        BigDecimal ratio = europeCanada.isEmpty() || usDefence.signum() == 0 ? null
                : sum(europeCanada, true).divide(usDefence, MathContext.DECIMAL128).setScale(4, RoundingMode.HALF_UP);
        return new AllianceSummary.Totals(group(priced), group(europeCanada), group(us), ratio);
    }

    private static List<Scored> priced(List<Scored> assessed) {
        return assessed.stream().filter(s -> !s.input().publishedRatio() && AnalystMeasures.usdRate(s.input()) != null)
                .toList();
    }

    private static AllianceSummary.Group group(List<Scored> priced) {
        if (priced.isEmpty()) {
            return new AllianceSummary.Group(null, null, null, 0);
        }
        BigDecimal defence = sum(priced, true);
        BigDecimal gdp = sum(priced, false);
        return new AllianceSummary.Group(defence.setScale(0, RoundingMode.HALF_UP), gdp.setScale(0, RoundingMode.HALF_UP),
                defence.multiply(BigDecimal.valueOf(100)).divide(gdp, MathContext.DECIMAL128).setScale(4, RoundingMode.HALF_UP),
                priced.size());
    }

    /** Σ D / usdRate (or Σ G / usdRate), unrounded. */
    private static BigDecimal sum(List<Scored> priced, boolean defence) {
        return priced.stream().map(s -> (defence ? s.input().defenceTotal() : s.input().gdp())
                        .divide(AnalystMeasures.usdRate(s.input()), MathContext.DECIMAL128))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static AllianceSummary.Coverage coverage(List<Scored> assessed) {
        int amounts = (int) assessed.stream().filter(s -> !s.input().publishedRatio()).count();
        return new AllianceSummary.Coverage(amounts, priced(assessed).size(), assessed.size() - amounts);
    }

    private static int countOnPath(List<Scored> assessed, String target) {
        return (int) assessed.stream().map(s -> s.assessment().target(HAGUE, target))
                .filter(t -> t != null && t.status().isOnPath()).count();
    }

    static BigDecimal median(List<BigDecimal> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL128);
    }

    static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128);
    }

    private static BigDecimal round(BigDecimal v) {
        return v == null ? null : v.setScale(4, RoundingMode.HALF_UP);
    }

}
