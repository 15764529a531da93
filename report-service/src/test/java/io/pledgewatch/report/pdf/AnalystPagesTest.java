package io.pledgewatch.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.report.compliance.ComplianceData;
import io.pledgewatch.report.figures.BriefingData;
import io.pledgewatch.report.support.PdfText;
import io.pledgewatch.report.support.SyntheticData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The second release's pages, rendered from known figures and read back from the PDF. */
public class AnalystPagesTest {

    static final BriefingPdf RENDERER = new BriefingPdf(new Typography());

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    /**
     * Estonia reports every measure for 2026 and 2027; Latvia's 2026 figures are amounts without the optional inputs;
     * Poland's 2026 figure is a ratio NATO published, which carries no amounts.
     */
    public static BriefingData data() {
        BriefingData base = SyntheticData.alliance(32, 2014, 2025, 7);
        List<ComplianceData.Assessment> all = new ArrayList<>(base.assessments());
        all.add(withMeasures(SyntheticData.assessment("EST", 2026, 3.5, 38, 0.4), new ComplianceData.Measures(
                new ComplianceData.Shares(bd("38"), bd("38"), bd("8"), bd("16")), new ComplianceData.Ukraine(bd("3"), bd("0.105")),
                new ComplianceData.UsdAmounts(bd("1559800000"), bd("44565000000")), bd("1138.54"), bd("202571.43"),
                bd("1095419847"), null, List.of("2025 amounts with priceIndex"))));
        all.add(withMeasures(SyntheticData.assessment("EST", 2027, 3.52, 38, 0.52), new ComplianceData.Measures(
                new ComplianceData.Shares(bd("38"), bd("38"), bd("8"), bd("16")), new ComplianceData.Ukraine(bd("3"), bd("0.106")),
                new ComplianceData.UsdAmounts(bd("1620000000"), bd("46000000000")), bd("1180.1"), bd("208000"),
                bd("1120000000"), bd("2.2561"), List.of())));
        all.add(withMeasures(SyntheticData.assessment("LVA", 2026, 3.1, 25, 0), new ComplianceData.Measures(
                new ComplianceData.Shares(bd("25"), bd("45"), bd("10"), bd("20")), new ComplianceData.Ukraine(bd("0"), bd("0")),
                null, null, null, null, null, List.of("usdRate", "population", "militaryPersonnel", "priceIndex"))));
        all.add(publishedRatio(SyntheticData.assessment("POL", 2026, 4.7, 30, 0)));
        ComplianceData.Alliance y2026 = new ComplianceData.Alliance(2026, 2, 2, 0, 0, 2, 2, bd("3.3"), bd("3.3"), null,
                List.of(), List.of(), "x", new ComplianceData.Totals(
                        new ComplianceData.Group(bd("1001559800000"), bd("30044565000000"), bd("3.3336"), 2),
                        new ComplianceData.Group(bd("1559800000"), bd("44565000000"), bd("3.5"), 1),
                        new ComplianceData.Group(bd("1000000000000"), bd("30000000000000"), bd("3.3333"), 1), bd("0.0016")),
                new ComplianceData.Coverage(3, 2, 29), new ComplianceData.PlanCounts(1, 1, 30));
        List<ComplianceData.Plan> plans = List.of(
                plan("EST", "Estonia", true, null),
                plan("LVA", "Latvia", false, new ComplianceData.Shortfall(2031, "incremental",
                        "core defence spending falls from 3.60% of GDP in 2030 to 3.55% in 2031: each year must at least "
                                + "match the year before.")),
                new ComplianceData.Plan("ALB", "Albania", false, new ComplianceData.Checks(false, true, true, false),
                        new ComplianceData.Shortfall(2026, "complete", "no figures"), IntStream.rangeClosed(2026, 2035)
                        .mapToObj(y -> new ComplianceData.PlanYear(y, null, false, null, null, bd("2"), bd("2.5"), null, null))
                        .toList()));
        return new BriefingData(null, null, base.period(), base.asOf(), base.dataCutoff(), 2025,
                base.alliance(), all, base.ruleSets(), base.changes(), base.snapshot(), List.of(y2026), plans);
    }

    static ComplianceData.Assessment withMeasures(ComplianceData.Assessment a, ComplianceData.Measures m) {
        return new ComplianceData.Assessment(a.country(), a.year(), a.revision(), a.kind(), a.submissionStatus(),
                a.currency(), a.score(), a.assessed(), a.notAssessedReason(), a.ruleSets(), a.baseline(), a.values(),
                a.targets(), a.notes(), a.assessedAt(), m, a.source());
    }

    static ComplianceData.Assessment publishedRatio(ComplianceData.Assessment a) {
        return new ComplianceData.Assessment(a.country(), a.year(), a.revision(), "PUBLISHED_RATIO", a.submissionStatus(),
                a.currency(), a.score(), a.assessed(), a.notAssessedReason(), a.ruleSets(), a.baseline(), a.values(),
                a.targets(), a.notes(), a.assessedAt(), null, a.source());
    }

    static ComplianceData.Plan plan(String iso3, String name, boolean credible, ComplianceData.Shortfall shortfall) {
        return new ComplianceData.Plan(iso3, name, credible, new ComplianceData.Checks(true, credible, true, true), shortfall,
                IntStream.rangeClosed(2026, 2035).mapToObj(y -> new ComplianceData.PlanYear(y, "PLAN", true,
                        bd("3.6"), bd(String.valueOf(3.6 + 0.1 * (y - 2025))), bd("3.4"), bd("3.9"), "MET", "ON_PATH")).toList());
    }

    @Test
    void theBriefingHasTheAnalystPagesWithTheirFigures() {
        BriefingData data = data();
        PdfText pdf = PdfText.of(RENDERER.render(data).pdf());
        String text = pdf.text();
        for (String section : new String[] {"Burden sharing: what the Alliance spends", "Where the money goes, 2026",
                "Real change, Ukraine support and spending per head, 2026", "Real change by nation, 2027–2027",
                "The Hague annual plans, 2026–2035", "Each plan against its two paths"}) {
            assertTrue(text.contains(section), "missing: " + section);
        }
        assertTrue(text.contains("1,001.6"), "the Alliance total in USD bn");
        String burden2026 = line(text, "2026 1,001.6");
        assertTrue(burden2026.contains(" 0.00 "), "the Europe+Canada : US ratio, rounded: " + burden2026);
        assertTrue(text.contains("1,138.54") || text.contains("1,139"), "Estonia per head");
        assertTrue(text.contains("+2.26"), "Estonia's real change 2027");
        assertTrue(text.contains("Core defence spending falls from 3.60% of GDP in 2030 to 3.55% in 2031"),
                "Latvia's first shortfall, in a sentence");
        assertTrue(text.contains("no figures for any year 2026–2035"), "an Ally without a plan");
        assertTrue(text.contains("credible") && text.contains("not credible"));
    }

    @Test
    void aMeasureWithoutDataSaysNotReportedNeverZero() {
        String text = PdfText.of(RENDERER.render(data()).pdf()).text();
        int page = text.indexOf("Real change, Ukraine support and spending per head");
        String measures = text.substring(page, text.indexOf("Real change by nation", page));
        String latvia = line(measures, "Latvia");
        assertTrue(latvia.contains("usdRate, population"), "says which input is missing: " + latvia);
        assertEquals(5, latvia.split("not reported", -1).length - 1,
                "real change, 2021 prices, USD, per head and per soldier: " + latvia);
        // A nation whose figure is a ratio NATO published has no measures at all, and the row says why.
        String poland = line(measures, "Poland");
        assertTrue(poland.contains("a published ratio: no amounts"), poland);
        assertEquals(7, poland.split("not reported", -1).length - 1, "every measure: " + poland);
    }

    /** The line of {@code text} that starts with {@code start}. */
    static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + start + "' in:\n" + text));
    }

    @Test
    void withoutAmountsTheBurdenPageSaysSoInsteadOfShowingZero() {
        BriefingData plain = SyntheticData.alliance(32, 2014, 2025, 7);
        String text = PdfText.of(RENDERER.render(plain).pdf()).text();
        assertTrue(text.contains("Totals not reported: no nation has submitted amounts with a USD rate yet."));
        assertTrue(text.contains("No nation reported its spending by category"));
        assertEquals(-1, text.indexOf("Each plan against its two paths"), "no plans, no plan charts");
    }
}
