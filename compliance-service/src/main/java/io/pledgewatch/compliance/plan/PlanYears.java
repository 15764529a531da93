package io.pledgewatch.compliance.plan;

import io.pledgewatch.compliance.assessment.FeedRevision;
import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a plan check, once ingest's import has accepted them (its dry run: every rule of a row is ingest's and
 * only ingest's): what only a check adds. Every row is for the nation the path names, carries amounts, is for a year
 * of the plan or its baseline, and each year comes once; each problem names its row (CSV line) and column, 422.
 * A delegation's rows are already its own nation's amounts, each year once (ingest refuses anything else); staff may
 * import any nation's series, which is no plan of this nation.
 */
final class PlanYears {

    private final Ally nation;
    private final int firstYear;
    private final int lastYear;

    /**
     * @param nation    the nation the check is for
     * @param firstYear the first year a row may be for (the plan's baseline year)
     * @param lastYear  the plan's last year
     */
    PlanYears(Ally nation, int firstYear, int lastYear) {
        this.nation = nation;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** The rows as scoring reads them, by year; refused whole (422) if any row is no part of this plan. */
    Map<Integer, ScoringInput> of(List<FeedRevision> rows) {
        List<Violation> errors = new ArrayList<>();
        Map<Integer, ScoringInput> byYear = new LinkedHashMap<>();
        for (FeedRevision row : rows) {
            Violation wrong = wrong(row);
            if (wrong != null) {
                errors.add(row.line() == null ? wrong : wrong.atRow(row.line()));
            } else if (byYear.putIfAbsent(row.year(), row.toScoringInput()) != null) {
                Violation twice = new Violation("year", row.year() + " appears more than once; a plan holds each year once");
                errors.add(row.line() == null ? twice : twice.atRow(row.line()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Invalid plan", errors.size() + " problem(s) in the CSV; nothing was checked",
                    errors);
        }
        return byYear;
    }

    private Violation wrong(FeedRevision row) {
        if (!nation.iso3().equals(row.country())) {
            String whose = Allies.get().find(row.country()).map(Ally::name).orElse(row.country());
            return new Violation("country", "this is " + nation.name() + "'s plan (" + nation.iso3() + "); the row is "
                    + whose + "'s");
        }
        if (row.isPublishedRatio()) {
            return new Violation("defence_pct_gdp", "a plan holds amounts: a published ratio counts for no year of a plan");
        }
        if (row.year() < firstYear || row.year() > lastYear) {
            return new Violation("year", row.year() + " is not a year of the plan: a check takes " + firstYear
                    + " (the baseline) to " + lastYear);
        }
        return null;
    }
}
