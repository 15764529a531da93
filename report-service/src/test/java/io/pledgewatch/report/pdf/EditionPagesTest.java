package io.pledgewatch.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.reference.NatoEdition;
import io.pledgewatch.report.compliance.ComplianceData;
import io.pledgewatch.report.figures.BriefingData;
import io.pledgewatch.report.figures.NatoAggregates;
import io.pledgewatch.report.support.PdfText;
import io.pledgewatch.report.support.SyntheticData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NATO's editions in a briefing: which ones the figures rest on, what the latest revised, NATO's own figures marked. */
class EditionPagesTest {

    static final BriefingPdf RENDERER = new BriefingPdf(new Typography());
    static final String SOURCE_2025 = "NATO, Defence Expenditure of NATO Countries (2014-2025)";
    static final String SOURCE_2026 = "NATO, Defence Investment of NATO Countries (2014-2026)";
    static final ComplianceData.Edition E2025 = new ComplianceData.Edition(SOURCE_2025, LocalDate.of(2025, 8, 28), 31, 371);
    static final ComplianceData.Edition E2026 = new ComplianceData.Edition(SOURCE_2026, LocalDate.of(2026, 7, 7), 31, 403);

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    /** Both editions loaded; Estonia, Albania and Poland 2025 restated, largest change first as compliance orders them. */
    static final ComplianceData.Editions BOTH = new ComplianceData.Editions(null, List.of(E2026, E2025), E2025, E2026,
            List.of(new ComplianceData.EditionChange("EST", 2025, bd("3.38"), bd("3.93"), bd("0.55")),
                    new ComplianceData.EditionChange("ALB", 2025, bd("2.01"), bd("1.48"), bd("-0.53")),
                    new ComplianceData.EditionChange("POL", 2025, bd("4.48"), bd("4.25"), bd("-0.23")),
                    new ComplianceData.EditionChange("DEU", 2024, bd("2.01"), bd("2.00"), bd("-0.01"))));

    /**
     * The 2026 figures of 32 Allies; Poland's and Slovenia's are ratios the 2026 edition published, Poland's with
     * NATO's equipment and personnel shares and real change.
     */
    static BriefingData data(LocalDate figuresAsOf, ComplianceData.Editions editions) {
        BriefingData base = SyntheticData.alliance(32, 2014, 2026, 7);
        List<ComplianceData.Assessment> all = new ArrayList<>(base.assessments().stream()
                .filter(a -> !(a.year() == 2026 && (a.country().equals("POL") || a.country().equals("SVN")))).toList());
        all.add(published(SyntheticData.assessment("POL", 2026, 4.68, 55.91, 0), new ComplianceData.Measures(
                new ComplianceData.Shares(bd("55.91"), bd("27.34"), null, null), null, null, null, null, null,
                bd("13.39"), List.of("amounts (a published ratio carries none)"), true)));
        all.add(published(SyntheticData.assessment("SVN", 2026, 1.61, 20, 0), new ComplianceData.Measures(
                new ComplianceData.Shares(null, bd("46.12"), null, null), null, null, null, null, null,
                bd("4.31"), List.of("amounts (a published ratio carries none)", "equipmentPct"), true)));
        NatoAggregates aggregates = NatoAggregates.newestOf(editions.loaded()).orElse(null);
        return new BriefingData(null, null, base.period(), base.asOf(), base.dataCutoff(), 2026, base.alliance(), all,
                base.ruleSets(), base.changes(), base.snapshot(), List.of(), List.of(), figuresAsOf, editions, aggregates);
    }

    static ComplianceData.Assessment published(ComplianceData.Assessment a, ComplianceData.Measures m) {
        return new ComplianceData.Assessment(a.country(), a.year(), 1, "PUBLISHED_RATIO", "ESTIMATE", null, a.score(),
                true, null, a.ruleSets(), a.baseline(), a.values(), a.targets(),
                List.of("assessed on the ratio NATO published (" + SOURCE_2026 + "); no amounts, so no currency gaps"),
                a.assessedAt(), m, SOURCE_2026);
    }

    /** The text from {@code heading} to {@code next}, its lines joined as they read (a hyphen at a line's end kept). */
    static String page(String text, String heading, String next) {
        int start = text.indexOf(heading);
        assertTrue(start >= 0, "no page " + heading);
        return text.substring(start, text.indexOf(next, start));
    }

    static String flat(String text) {
        return text.replace("-\n", "-").replace('\n', ' ');
    }

    @Test
    void whatNatoRevisedListsEveryChangeOldToNewLargestFirst() {
        String text = PdfText.of(RENDERER.render(data(null, BOTH)).pdf()).text();
        String page = page(text, "What NATO revised", "The Alliance table");
        assertTrue(flat(page).contains("Between " + SOURCE_2025 + ", 28 August 2025 and " + SOURCE_2026 + ", 7 July 2026"), page);
        int estonia = page.indexOf("Estonia 2025 3.38 → 3.93 +0.55");
        int albania = page.indexOf("Albania 2025 2.01 → 1.48 −0.53");
        int poland = page.indexOf("Poland 2025 4.48 → 4.25 −0.23");
        int germany = page.indexOf("Germany 2024 2.01 → 2.00 −0.01");
        assertTrue(estonia > 0 && albania > estonia && poland > albania && germany > poland,
                "in compliance's order, the smallest change NATO's two decimals can show last:\n" + page);
    }

    @Test
    void withFewerThanTwoEditionsThePageSaysThereIsNothingToCompare() {
        ComplianceData.Editions one = new ComplianceData.Editions(LocalDate.of(2025, 8, 28), List.of(E2025), null, null,
                List.of());
        String text = PdfText.of(RENDERER.render(data(LocalDate.of(2025, 8, 28), one)).pdf()).text();
        String page = page(text, "What NATO revised", "The Alliance table");
        assertTrue(flat(page).contains("Fewer than two of NATO's editions are loaded as of 28 August 2025 (1: " + SOURCE_2025
                + ", 28 August 2025)"), page);
        assertFalse(page.contains("→"), "no change listed");
    }

    @Test
    void theKeyFiguresNameTheEditionTheyRestOnAndTheCoverTheFiguresDay() {
        String text = PdfText.of(RENDERER.render(data(LocalDate.of(2026, 8, 1), BOTH)).pdf()).text();
        assertTrue(text.contains("Figures as of 1 August 2026"), "the cover");
        String keyFigures = page(text, "Key figures, 2026", "What changed");
        assertTrue(flat(keyFigures).contains("rest on the edition " + SOURCE_2026 + ", 7 July 2026 (2 Allies' "
                + "published figures)"), keyFigures);
        assertFalse(keyFigures.contains("2014-2025"), "the 2025 edition holds no 2026 figure: " + keyFigures);
    }

    @Test
    void natosPublishedSharesAndRealChangeAreShownAndMarkedAsNatos() {
        String text = PdfText.of(RENDERER.render(data(null, BOTH)).pdf()).text();
        String money = page(text, "Where the money goes, 2026", "Real change, Ukraine support");
        assertTrue(money.contains("Poland †"), money);
        assertTrue(flat(money).contains("2 nation(s) without amounts by category show NATO's published shares"), money);
        String measures = page(text, "Real change, Ukraine support", "Real change by nation");
        assertTrue(AnalystPagesTest.line(measures, "Poland").contains("+13.39 †"), measures);
        String overTheYears = page(text, "Real change by nation", "The Hague annual plans");
        assertTrue(AnalystPagesTest.line(overTheYears, "Slovenia").contains("+4.31 †"), overTheYears);
    }

    @Test
    void natosOwnEuropeAndCanadaFiguresStandBesideTheSuites() {
        List<NatoEdition.Aggregate> rows = NatoEdition.DEFENCE_INVESTMENT_2014_2026.aggregates();
        String text = PdfText.of(RENDERER.render(data(null, BOTH)).pdf()).text();
        String page = page(text, "Europe and Canada: NATO's figures beside the suite's", "Where the money goes");
        // The 2026 edition's Table 3: Europe and Canada 2.53% in 2026, NATO 2.86%, real change +10.98% and +5.64%.
        String y2026 = AnalystPagesTest.line(page, "2026 ");
        assertEquals("2026 2.53 not reported 2.86 not reported +10.98 +5.64", y2026.trim());
        assertEquals(13, rows.stream().filter(r -> r.group().equals("NATO")).count());
        assertTrue(flat(page).contains(SOURCE_2026 + ", 7 July 2026"), "names the edition");
        String only2025 = PdfText.of(RENDERER.render(data(LocalDate.of(2025, 8, 28), new ComplianceData.Editions(
                LocalDate.of(2025, 8, 28), List.of(E2025), null, null, List.of()))).pdf()).text();
        assertTrue(flat(only2025).contains("NATO's aggregates not reported: no loaded edition prints them"));
    }
}
