package io.pledgewatch.compliance.plan;

import io.pledgewatch.compliance.assessment.AsOf;
import io.pledgewatch.compliance.assessment.AssessmentService;
import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans are judged when read, from the current revisions and the rule sets in force: a verdict is therefore never
 * stale, whichever of its years, or the baseline, or the rule set changed last.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    AssessmentService assessments;

    /** The plan of one assessed Ally; empty when no path rule set is in force. */
    public Optional<Plan> plan(Ally ally) {
        return plan(ally, AsOf.NOW);
    }

    /** The same, from the figures as they stood at the end of a past day (its asOf that day's last second). */
    public Optional<Plan> plan(Ally ally, AsOf asOf) {
        return PlanEvaluator.forRuleSets(assessments.engine().ruleSets()).map(e -> e.evaluate(ally,
                assessments.inputsByNation(e.baselineYear(), e.lastYear(), asOf).getOrDefault(ally.iso3(), Map.of()),
                asOf.moment(now())));
    }

    /** Every assessed Ally's plan (Iceland, which has no armed forces, has none), in the Allies' order. */
    public List<Plan> all() {
        return all(AsOf.NOW);
    }

    /** The same, as of a past day. */
    public List<Plan> all(AsOf asOf) {
        Optional<PlanEvaluator> evaluator = PlanEvaluator.forRuleSets(assessments.engine().ruleSets());
        if (evaluator.isEmpty()) {
            return List.of();
        }
        PlanEvaluator e = evaluator.get();
        Map<String, Map<Integer, ScoringInput>> inputs = assessments.inputsByNation(e.baselineYear(), e.lastYear(), asOf);
        Instant at = asOf.moment(now());
        return Allies.get().all().stream().filter(a -> a.isAssessed() && a.isAllyIn(e.firstYear()))
                .map(a -> e.evaluate(a, inputs.getOrDefault(a.iso3(), Map.of()), at)).toList();
    }

    /**
     * Whether an Ally has a plan at all: amounts for some plan year. A ratio NATO published counts for no year of a plan
     * (design.md), so an Ally with only an edition's estimate for 2026 has no plan, rather than one that is not credible.
     */
    public static boolean hasAny(Plan plan) {
        return plan.years().stream().anyMatch(Plan.Year::amounts);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
