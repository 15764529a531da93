package io.pledgewatch.compliance.plan;

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
        return PlanEvaluator.forRuleSets(assessments.engine().ruleSets()).map(e -> e.evaluate(ally,
                assessments.inputsByNation(e.baselineYear(), e.lastYear()).getOrDefault(ally.iso3(), Map.of()), now()));
    }

    /** Every assessed Ally's plan (Iceland, which has no armed forces, has none), in the Allies' order. */
    public List<Plan> all() {
        Optional<PlanEvaluator> evaluator = PlanEvaluator.forRuleSets(assessments.engine().ruleSets());
        if (evaluator.isEmpty()) {
            return List.of();
        }
        PlanEvaluator e = evaluator.get();
        Map<String, Map<Integer, ScoringInput>> inputs = assessments.inputsByNation(e.baselineYear(), e.lastYear());
        Instant asOf = now();
        return Allies.get().all().stream().filter(a -> a.isAssessed() && a.isAllyIn(e.firstYear()))
                .map(a -> e.evaluate(a, inputs.getOrDefault(a.iso3(), Map.of()), asOf)).toList();
    }

    /** Whether an Ally has sent any figures for a plan year at all. */
    public static boolean hasAny(Plan plan) {
        return plan.years().stream().anyMatch(y -> y.status() != null);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
