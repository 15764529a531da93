package io.pledgewatch.compliance.ruleset;

/**
 * What a change of the rule sets in force asks of the assessments made with the old ones: score them all again. The
 * assessments implement it (assessment's {@code AssessmentService}), so that this package, which they build on, needs
 * nothing of them.
 */
public interface HistoryRescoring {

    /**
     * Re-scores every stored assessment with the rule sets now in force, in the caller's transaction if it has one.
     *
     * @return how many assessments were re-scored
     */
    int rescoreAll();
}
