package io.pledgewatch.compliance.plan;

import io.pledgewatch.compliance.assessment.AssessmentService;
import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.compliance.follower.IngestFeed;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a delegation asks before it sends a plan: the verdict a set of rows would get, and what a credible plan needs.
 * Both read the nation's current revisions and the rule sets in force, and write nothing.
 */
@ApplicationScoped
public class PlanPreparationService {

    @Inject
    AssessmentService assessments;

    @Inject
    IngestFeed ingest;

    /**
     * The plan {@code csv}'s rows would make over the nation's current revisions, judged by the one evaluator; empty
     * when no path rule set is in force. The rows are read and validated by ingest's import itself (its dry run, as the
     * caller: it stores nothing), so a row is refused here exactly as the import would refuse it. Not transactional:
     * no connection is held while ingest answers.
     */
    public Optional<CheckedPlan> check(Ally ally, String csv) {
        return evaluator().map(e -> {
            Map<Integer, ScoringInput> rows = new PlanYears(ally, e.baselineYear(), e.lastYear())
                    .of(ingest.dryRunImport(csv).items());
            Map<Integer, ScoringInput> inputs = current(ally);
            inputs.putAll(rows);
            return new CheckedPlan(e.evaluate(ally, inputs, now()), false, rows.keySet().stream().sorted().toList());
        });
    }

    /** The least figures of a credible plan for the nation, year by year; empty when no path rule set is in force. */
    @Transactional
    public Optional<Requirements> requirements(Ally ally, BigDecimal gdpGrowth) {
        return evaluator().map(e -> new PlanRequirements(e).of(ally, current(ally), gdpGrowth, now()));
    }

    private Optional<PlanEvaluator> evaluator() {
        return PlanEvaluator.forRuleSets(assessments.engine().ruleSets());
    }

    /** Every year's current revision of the nation (GDP may come from any year), by year, as plans read them. */
    private Map<Integer, ScoringInput> current(Ally ally) {
        return new TreeMap<>(assessments.inputsByNation(Allies.FIRST_YEAR, Allies.LAST_YEAR)
                .getOrDefault(ally.iso3(), Map.of()));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
