package io.pledgewatch.compliance.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.compliance.assessment.SubmissionStatus;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A plan check's rows are read and refused as ingest's import reads and refuses a delegation's plan. */
class PlanRowsTest {

    static final Ally LVA = Allies.get().find("LVA").orElseThrow();
    static final Ally BGR = Allies.get().find("BGR").orElseThrow();
    static final String HEADER = "country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,"
            + "defence_infrastructure,defence_other,defence_ukraine_support,related_critical_infrastructure,"
            + "related_innovation,usd_rate,population,military_personnel,price_index,note";
    static final String GOOD = "LVA,2027,BUDGET,EUR,45000000000,1600000000,500000000,600000000,200000000,300000000,"
            + "50000000,100000000,20000000,0.92,1900000,8000,131.5,fine";

    static Map<Integer, ScoringInput> read(Ally ally, String... rows) {
        return new PlanRows(ally, 2025, 2035).read(HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    /** The refusal's status and its violations as "row field". */
    static ProblemException refused(Ally ally, String csv) {
        return assertThrows(ProblemException.class, () -> new PlanRows(ally, 2025, 2035).read(csv));
    }

    static List<String> where(ProblemException e) {
        return e.violations().stream().map(v -> v.row() + " " + v.field()).toList();
    }

    static ProblemException refusedRow(String row) {
        return refused(LVA, HEADER + "\n" + row + "\n");
    }

    @Test
    void anAmountsRowIsReadAsScoringReadsARevision() {
        ScoringInput in = read(LVA, GOOD).get(2027);
        assertEquals("LVA", in.country());
        assertEquals(SubmissionStatus.BUDGET, in.status());
        assertEquals("EUR", in.currency());
        assertFalse(in.publishedRatio());
        assertEquals(new BigDecimal("45000000000"), in.gdp());
        assertEquals(new BigDecimal("1600000000"), in.defenceTotal());
        assertEquals(new BigDecimal("500000000"), in.equipment());
        assertEquals(new BigDecimal("120000000"), in.relatedTotal(), "critical infrastructure plus innovation");
        assertEquals(new BigDecimal("0.92"), in.usdRate());
        assertEquals(new BigDecimal("600000000"), in.breakdown().personnel());
        assertEquals(new BigDecimal("50000000"), in.breakdown().ukraineSupport());
        assertEquals(new BigDecimal("131.5"), in.breakdown().priceIndex());
    }

    @Test
    void everyRowMustBeTheNationsOwnAndAPlanYearOnce() {
        ProblemException e = refused(LVA, HEADER + "\n" + GOOD + "\n" + GOOD.replace("LVA,", "EST,") + "\n"
                + GOOD + "\n" + GOOD.replace(",2027,", ",2024,") + "\n" + GOOD.replace(",2027,", ",27,") + "\n");
        assertEquals(422, e.status());
        assertEquals(List.of("3 country", "4 year", "5 year", "6 year"), where(e));
        assertTrue(e.violations().get(0).message().contains("Latvia's plan"), e.violations().get(0).message());
        assertEquals(422, refusedRow(GOOD.replace("LVA,", "lva,")).status(), "ISO codes are upper case");
    }

    @Test
    void eachFigureIsRefusedAsIngestRefusesIt() {
        assertEquals(List.of("2 gdp"), where(refusedRow(GOOD.replace(",45000000000,", ",4.5e,"))));
        assertEquals(List.of("2 gdp", "2 defence_total", "2 related"), where(refusedRow(GOOD.replace(",45000000000,", ",0,"))),
                "zero, and then the parts exceed it");
        assertEquals(List.of("2 status"), where(refusedRow(GOOD.replace(",BUDGET,", ",DRAFT,"))));
        assertEquals(List.of("2 currency"), where(refusedRow(GOOD.replace(",EUR,", ",LVL,"))));
        assertEquals(List.of("2 defence_personnel", "2 defence_total"),
                where(refusedRow(GOOD.replace(",600000000,", ",-600000000,"))), "negative, and the sum no longer agrees");
        assertEquals(List.of("2 defence_equipment"), where(refusedRow(GOOD.replace(",500000000,", ",500000000.001,"))),
                "three decimals; the sum is still within one unit");
        assertEquals(List.of("2 defence_total"), where(refusedRow(GOOD.replace(",1600000000,", ",1600000002,"))));
        assertEquals(List.of("2 defence_ukraine_support"), where(refusedRow(GOOD.replace(",50000000,", ",1700000000,"))));
        assertEquals(List.of("2 related"), where(refusedRow(GOOD.replace(",100000000,", ",45000000000,"))));
        assertEquals(List.of("2 usd_rate"), where(refusedRow(GOOD.replace(",0.92,", ",0,"))));
        assertEquals(List.of("2 population"), where(refusedRow(GOOD.replace(",1900000,", ",1900000.5,"))));
        assertEquals(List.of("2 price_index"), where(refusedRow(GOOD.replace(",131.5,", ",131.12345,"))));
        assertEquals(List.of("2 defence_other"), where(refusedRow(GOOD.replace(",300000000,", ",,"))));
        assertEquals(List.of("2 note"), where(refusedRow(GOOD.replace(",fine", ",\"a\u0007b\""))));
        assertEquals(List.of("2 defence_pct_gdp"), where(refused(LVA, HEADER + ",defence_pct_gdp\n" + GOOD + ",2.5\n")));
    }

    @Test
    void bulgariaPlansInEurosFrom2026AndInLevaBefore() {
        String leva = "BGR,2026,PLAN,BGN,100000000000,2000000000,600000000,800000000,200000000,400000000,0,0,0,,,,,";
        ProblemException e = refused(BGR, HEADER + "\n" + leva + "\n");
        assertEquals(List.of("2 currency"), where(e));
        assertTrue(e.violations().get(0).message().contains("in EUR"), e.violations().get(0).message());
        assertEquals("BGN", read(BGR, leva.replace(",2026,", ",2025,")).get(2025).currency());
    }

    @Test
    void rowsAreNamedByTheLineTheyStartOn() {
        ProblemException e = refused(LVA, HEADER + "\n" + GOOD.replace(",fine", ",\"two\nlines\"") + "\n\n"
                + GOOD.replace(",2027,", ",2028,").replace(",EUR,", ",USD,") + "\n");
        assertEquals(List.of("5 currency"), where(e), "line 2 spans two lines, then an empty line");
    }

    @Test
    void aBodyThatIsNoCsvOrHasNoRowsIsRefused() {
        assertEquals(400, refused(LVA, "").status());
        assertEquals(400, refused(LVA, "  \n").status());
        assertEquals(400, refused(LVA, HEADER + "\n" + GOOD + ",extra\n").status());
        assertEquals(400, refused(LVA, HEADER + ",year\n" + GOOD + ",2027\n").status(), "a column twice");
        assertEquals(400, refused(LVA, HEADER + "\n" + GOOD.replace(",fine", ",\"unterminated")).status());
        assertEquals(400, refused(LVA, HEADER + "\n\u0000").status());
        ProblemException headerOnly = refused(LVA, HEADER + "\n");
        assertEquals(422, headerOnly.status());
        assertEquals("body", headerOnly.violations().get(0).field());
        ProblemException unknown = refused(LVA, "country,year,colour\nLVA,2027,red\n");
        assertEquals(422, unknown.status());
        assertEquals(List.of("colour", "status"), unknown.violations().stream().map(Violation::field).toList());
        String many = IntStream.range(0, PlanRows.MAX_ROWS + 1).mapToObj(i -> GOOD).collect(Collectors.joining("\n"));
        assertEquals(422, refused(LVA, HEADER + "\n" + many + "\n").status());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumn() {
        assertEquals(1, new PlanRows(LVA, 2025, 2035).read("\uFEFF" + HEADER + "\n" + GOOD + "\n").size());
    }
}
