package io.pledgewatch.compliance.assessment;

import io.pledgewatch.compliance.ruleset.RuleSet;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The product's scoring formulas, the only place they exist (contract: design.md, compliance-service).
 *
 * <pre>
 * core%      = 100 * D / G            equipment% = 100 * E / D
 * related%   = 100 * R / G            credited%  = min(related%, relatedCap)     hague% = core% + credited%
 * FIXED target: MET if value >= T, else NOT_MET; required = T
 * PATH target:  path(y) = T if B >= T, else B + (T - B) * (y - baselineYear) / (dueYear - baselineYear)
 *               MET if value >= T, ON_PATH if value >= path(y), else BELOW_PATH; required = path(y)
 * gap points = max(0, required - value); amount = points * base / 100 (base G, or D for equipment%)
 * score = 100 * mean over applicable targets of min(1, value / required), one decimal
 * </pre>
 * All comparisons are made on unrounded values (34 significant digits); only the output is rounded.
 */
public final class ScoringEngine {

    static final MathContext MC = MathContext.DECIMAL128;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final int SHOWN_SCALE = 4;

    private final List<RuleSet> ruleSets;
    private final Optional<Integer> baselineYear;

    public ScoringEngine(List<RuleSet> ruleSets) {
        this.ruleSets = List.copyOf(ruleSets);
        this.baselineYear = this.ruleSets.stream().filter(RuleSet::hasPathTargets).map(RuleSet::baselineYear).findFirst();
    }

    public List<RuleSet> ruleSets() {
        return ruleSets;
    }

    /** The year whose figures start the path targets' lines (2025 for The Hague), if a path rule set is in force. */
    public Optional<Integer> baselineYear() {
        return baselineYear;
    }

    /**
     * @param baseline the nation's current revision for the path rule sets' baseline year, if any (for a
     *                 baseline-year assessment it is the input itself)
     */
    public Assessment assess(Ally ally, ScoringInput input, Optional<ScoringInput> baseline) {
        Map<String, String> versions = new LinkedHashMap<>();
        List<RuleSet> applicable = ruleSets.stream().filter(r -> r.appliesTo(input.year())).toList();
        applicable.forEach(r -> versions.put(r.id(), r.version()));
        RevisionKind kind = input.publishedRatio() ? RevisionKind.PUBLISHED_RATIO : RevisionKind.AMOUNTS;
        String notAssessed = !ally.isAssessed() ? ally.name() + " has no armed forces and is not assessed"
                : !ally.isAllyIn(input.year()) ? ally.name() + " was not an Ally in " + input.year()
                : applicable.isEmpty() ? "no rule set applies to " + input.year() : null;
        if (notAssessed != null) {
            return new Assessment(input.country(), input.year(), input.revision(), input.seq(), kind, input.status(),
                    input.currency(), null, false, notAssessed, versions, null, null, List.of(), List.of(), null, null, null, input.source(), null);
        }
        RuleSet capSource = ruleSets.stream().filter(r -> r.relatedCap() != null).findFirst().orElse(null);
        BigDecimal cap = capSource == null ? null : capSource.relatedCap();
        Assessment.Unrounded m = unrounded(input, cap);
        List<Assessment.TargetResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<BigDecimal> ratios = new ArrayList<>();
        Assessment.Baseline shownBaseline = null;
        for (RuleSet rules : applicable) {
            Assessment.Unrounded b = null;
            if (rules.hasPathTargets()) {
                Optional<ScoringInput> base = input.year() == rules.baselineYear() ? Optional.of(input) : baseline;
                b = base.map(in -> unrounded(in, cap)).orElse(null);
                shownBaseline = b == null
                        ? new Assessment.Baseline(round(rules.defaultBaseline()), round(rules.defaultBaseline()),
                                "no " + rules.baselineYear() + " figures for " + ally.name() + ": default baseline "
                                        + rules.defaultBaseline().toPlainString() + "% of GDP", true)
                        : new Assessment.Baseline(round(b.core()), round(b.hague()), baseSource(base.get()), false);
                if (b == null) {
                    notes.add("no " + rules.baselineYear() + " baseline: the " + rules.id() + " path starts from "
                            + rules.defaultBaseline().toPlainString() + "%");
                }
            }
            for (RuleSet.TargetRule t : rules.targets()) {
                BigDecimal value = valueOf(m, t.measure());
                if (value == null) {
                    notes.add(rules.id() + " " + t.target() + ": not reported (" + t.measure() + " unknown)");
                    continue;
                }
                BigDecimal required;
                TargetStatus status;
                if (t.kind() == RuleSet.Kind.FIXED) {
                    required = t.threshold();
                    status = TargetStatus.fixed(value, t.threshold());
                } else {
                    BigDecimal start = b == null ? rules.defaultBaseline() : valueOf(b, t.measure());
                    if (start == null) {
                        start = rules.defaultBaseline();
                    }
                    required = pathValue(start, t.threshold(), input.year(), rules.baselineYear(), rules.dueYear());
                    status = TargetStatus.path(value, t.threshold(), required);
                }
                BigDecimal ratio = required.signum() <= 0 ? BigDecimal.ONE : value.divide(required, MC).min(BigDecimal.ONE);
                ratios.add(ratio);
                BigDecimal base = t.measure() == RuleSet.Measure.EQUIPMENT ? input.defenceTotal() : input.gdp();
                results.add(new Assessment.TargetResult(rules.id(), t.target(), round(value), round(t.threshold()),
                        round(required), status, ratio.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP),
                        gap(required, value, base, input), gap(t.threshold(), value, base, input)));
            }
        }
        BigDecimal score = ratios.isEmpty() ? null : ratios.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(ratios.size()), MC).multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP);
        if (input.publishedRatio()) {
            notes.add("assessed on the ratio NATO published (" + input.source() + "); no amounts, so no currency gaps");
        }
        return new Assessment(input.country(), input.year(), input.revision(), input.seq(), kind, input.status(),
                input.currency(), score, true, null, versions, shownBaseline,
                new Assessment.Values(round(m.core()), round(m.equipment()), round(m.related()), round(m.credited()),
                        round(m.hague())),
                results, notes, null, null, null, input.source(), m);
    }

    /** Linear path from the baseline B to the target T, reached in the due year; flat at T if B already meets it. */
    public static BigDecimal pathValue(BigDecimal baseline, BigDecimal target, int year, int baselineYear, int dueYear) {
        if (baseline.compareTo(target) >= 0) {
            return target;
        }
        int elapsed = Math.min(Math.max(year - baselineYear, 0), dueYear - baselineYear);
        return baseline.add(target.subtract(baseline).multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(dueYear - baselineYear), MC), MC);
    }

    public static Assessment.Unrounded unrounded(ScoringInput in, BigDecimal relatedCap) {
        BigDecimal core;
        BigDecimal equipment;
        BigDecimal related;
        if (in.publishedRatio()) {
            core = in.defencePctGdp();
            equipment = in.equipmentPct();
            related = BigDecimal.ZERO;
        } else {
            core = percent(in.defenceTotal(), in.gdp());
            equipment = in.defenceTotal().signum() == 0 ? BigDecimal.ZERO : percent(in.equipment(), in.defenceTotal());
            related = percent(in.relatedTotal(), in.gdp());
        }
        BigDecimal credited = relatedCap == null ? BigDecimal.ZERO : related.min(relatedCap);
        return new Assessment.Unrounded(core, equipment, related, credited, core.add(credited, MC));
    }

    static BigDecimal valueOf(Assessment.Unrounded m, RuleSet.Measure measure) {
        return switch (measure) {
            case CORE -> m.core();
            case EQUIPMENT -> m.equipment();
            case CORE_PLUS_RELATED -> m.hague();
        };
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, MC);
    }

    private static Assessment.Gap gap(BigDecimal required, BigDecimal value, BigDecimal base, ScoringInput in) {
        BigDecimal points = required.subtract(value).max(BigDecimal.ZERO);
        BigDecimal amount = in.publishedRatio() || base == null ? null
                : points.multiply(base, MC).divide(HUNDRED, MC).setScale(0, RoundingMode.HALF_UP);
        return new Assessment.Gap(round(points), amount, in.publishedRatio() ? null : in.currency());
    }

    private static String baseSource(ScoringInput in) {
        return in.country() + " " + in.year() + " revision " + in.revision()
                + (in.publishedRatio() ? " (published ratio: " + in.source() + ")" : " (amounts)");
    }

    /** As percentages are shown: four decimals, no trailing zeros (null stays null). */
    public static BigDecimal round(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal r = v.setScale(SHOWN_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
