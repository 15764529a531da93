package io.pledgewatch.compliance.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pledgewatch.compliance.assessment.FeedRevision;
import io.pledgewatch.compliance.assessment.RevisionKind;
import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.compliance.assessment.SubmissionStatus;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import io.pledgewatch.reference.Allies;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a plan check adds to the rows ingest's import accepted: the nation, the plan's years, amounts, a year once. */
class PlanYearsTest {

    static final PlanYears LUXEMBOURG_2025_TO_2035 = new PlanYears(Allies.get().find("LUX").orElseThrow(), 2025, 2035);

    /** An amounts row as ingest's dry run answers it: unnumbered, with its CSV line. */
    static FeedRevision amounts(String country, int year, int line) {
        return new FeedRevision(country, year, 0, 0, null, null, RevisionKind.AMOUNTS, SubmissionStatus.PLAN, "EUR",
                new BigDecimal("80000000000"), new FeedRevision.Defence(new BigDecimal("1600000000"),
                new BigDecimal("400000000"), new BigDecimal("600000000"), new BigDecimal("300000000"),
                new BigDecimal("300000000"), null), new FeedRevision.Related(null, new BigDecimal("200000000"), null,
                null, new BigDecimal("100000000")), null, null, null, null, null, line);
    }

    static List<Violation> refused(FeedRevision... rows) {
        ProblemException e = assertThrows(ProblemException.class, () -> LUXEMBOURG_2025_TO_2035.of(List.of(rows)));
        assertEquals(422, e.status());
        return e.violations();
    }

    @Test
    void theNationsAmountsRowsAreScoredByYearAsTheFeedsRevisionsAre() {
        Map<Integer, ScoringInput> years = LUXEMBOURG_2025_TO_2035.of(List.of(amounts("LUX", 2027, 2),
                amounts("LUX", 2025, 3)));
        assertEquals(List.of(2027, 2025), List.copyOf(years.keySet()));
        ScoringInput y2027 = years.get(2027);
        assertEquals(0, new BigDecimal("80000000000").compareTo(y2027.gdp()));
        assertEquals(0, new BigDecimal("1600000000").compareTo(y2027.defenceTotal()));
        assertEquals(0, new BigDecimal("400000000").compareTo(y2027.equipment()));
        assertEquals(0, new BigDecimal("300000000").compareTo(y2027.relatedTotal()), "200 + 100 million related");
    }

    @Test
    void anotherNationsRowIsRefusedNamingItsRow() {
        assertEquals(List.of(new Violation("country", "this is Luxembourg's plan (LUX); the row is Belgium's", 3)),
                refused(amounts("LUX", 2027, 2), amounts("BEL", 2027, 3)));
    }

    @Test
    void aYearBeforeTheBaselineOrAfterTheLastIsRefused() {
        assertEquals(List.of("year", "year"), refused(amounts("LUX", 2024, 2), amounts("LUX", 2036, 3)).stream()
                .map(Violation::field).toList());
        assertEquals(List.of(2, 3), refused(amounts("LUX", 2024, 2), amounts("LUX", 2036, 3)).stream()
                .map(Violation::row).toList());
    }

    @Test
    void aYearTwiceIsRefusedAtItsSecondRow() {
        assertEquals(List.of(new Violation("year", "2030 appears more than once; a plan holds each year once", 4)),
                refused(amounts("LUX", 2030, 2), amounts("LUX", 2031, 3), amounts("LUX", 2030, 4)));
    }

    @Test
    void aPublishedRatioCountsForNoYearOfAPlan() {
        FeedRevision ratio = new FeedRevision("LUX", 2026, 0, 0, null, null, RevisionKind.PUBLISHED_RATIO,
                SubmissionStatus.ESTIMATE, "EUR", null, null, null, null, null, null, null,
                new FeedRevision.PublishedRatio(new BigDecimal("2.0"), null, null, null, "own"), 2);
        assertEquals("defence_pct_gdp", refused(ratio).get(0).field());
    }
}
