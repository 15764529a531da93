package io.pledgewatch.ingest.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pledgewatch.ingest.submission.RevisionContent;
import io.pledgewatch.ingest.submission.SubmissionRules;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.reference.Allies;
import jakarta.validation.Validation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvImportTest {

    private final CsvImport csv = new CsvImport(new SubmissionRules(Allies.get(),
            Validation.buildDefaultValidatorFactory()));

    @Test
    void theWholePublishedSeriesParses() {
        List<CsvImport.Row> rows = csv.parse(String.join("\n", Allies.publishedSeriesLines()), "NATO");
        assertEquals(371, rows.size());
        assertEquals(RevisionContent.Kind.PUBLISHED_RATIO, rows.get(0).content().kind());
        assertEquals(new BigDecimal("1.3307"), rows.get(0).content().defencePctGdp());
        assertEquals(2, rows.get(0).line());
    }

    @Test
    void errorsCarryTheLineAndTheColumn() {
        ProblemException e = assertThrows(ProblemException.class, () -> csv.parse(
                "country,year,status,gdp,currency,defence_total,defence_equipment,defence_personnel,defence_infrastructure,defence_other\n"
                        + "LTU,2026,BUDGET,100,EUR,10,1,1,1,1\n", null));
        assertEquals(422, e.status());
        assertEquals("defence_total", e.violations().get(0).field());
        assertEquals(2, e.violations().get(0).row());
    }

    @Test
    void quotedCellsWithCommasAreRead() {
        List<CsvImport.Row> rows = csv.parse("country,year,status,defence_pct_gdp,source\n"
                + "ITA,2019,ACTUAL,1.18,\"NATO, Table 3\"\n", null);
        assertEquals("NATO, Table 3", rows.get(0).content().source());
    }

    @Test
    void aKeyTwiceIsTwoRowsInOrderInASeriesAndARefusalInAPlan() {
        String twice = "country,year,status,defence_pct_gdp,source\nITA,2019,ESTIMATE,1.18,a\nITA,2019,ACTUAL,1.21,b\n";
        List<CsvImport.Row> rows = csv.parse(twice, null, CsvImport.RowGuard.NONE,
                CsvImport.Repeats.AS_SUCCESSIVE_REVISIONS);
        assertEquals(List.of("a", "b"), rows.stream().map(r -> r.content().source()).toList());
        ProblemException e = assertThrows(ProblemException.class,
                () -> csv.parse(twice, null, CsvImport.RowGuard.NONE, CsvImport.Repeats.REFUSED));
        assertEquals(422, e.status());
        assertEquals("year", e.violations().get(0).field());
        assertEquals(3, e.violations().get(0).row());
    }

    @Test
    void jsonFieldNamesMapToColumns() {
        assertEquals("defence_ukraine_support", CsvImport.column("defence.ukraineSupport"));
        assertEquals("usd_rate", CsvImport.column("usdRate"));
        assertEquals("related_cyber_and_networks", CsvImport.column("related.cyberAndNetworks"));
    }

    @Test
    void aRowWithMoreOrFewerCellsThanTheHeaderIsUnreadable() {
        ProblemException more = assertThrows(ProblemException.class, () -> csv.parse(
                "country,year,status,defence_pct_gdp,source\nITA,2019,ACTUAL,1.18,NATO,extra\n", null));
        assertEquals(400, more.status());
        assertEquals("body", more.violations().get(0).field());
        ProblemException fewer = assertThrows(ProblemException.class, () -> csv.parse(
                "country,year,status,defence_pct_gdp,source\nITA,2019,ACTUAL\n", null));
        assertEquals(400, fewer.status());
        assertEquals("body", fewer.violations().get(0).field());
    }

    @Test
    void errorsNameTheLineARowStartsOnPastQuotedLineBreaksAndABom() {
        ProblemException e = assertThrows(ProblemException.class, () -> csv.parse(
                "\uFEFFcountry,year,status,defence_pct_gdp,source,note\r\n"
                        + "ITA,2019,ACTUAL,1.18,NATO,\"two\r\nlines\"\r\n"
                        + "ITA,2020,ACTUAL,101,NATO,\n", null));
        assertEquals(422, e.status());
        assertEquals("defence_pct_gdp", e.violations().get(0).field());
        assertEquals(4, e.violations().get(0).row());
    }
}
