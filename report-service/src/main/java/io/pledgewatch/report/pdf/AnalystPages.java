package io.pledgewatch.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.pledgewatch.reference.NatoEdition;
import io.pledgewatch.report.compliance.ComplianceData;
import io.pledgewatch.report.figures.BriefingData;
import io.pledgewatch.report.figures.NatoAggregates;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The second release's pages, the measures NATO's own staff work with: burden sharing over the years, where the
 * money goes, real change / Ukraine support / per head, and the Hague annual plans. A measure without data is shown
 * as "not reported", never as zero.
 */
final class AnalystPages {

    static final String NOT_REPORTED = "not reported";
    /** Marks a figure NATO published (a ratio's equipment and personnel shares, its real change), not one computed. */
    static final String NATO_MARK = " †";
    static final String NATO_FOOTNOTE = "† NATO's published figure (the edition's own, where no amounts were submitted).";

    private final Typography type;
    private final Charts charts;
    private final Blocks blocks;

    AnalystPages(Typography type, Charts charts, Blocks blocks) {
        this.type = type;
        this.charts = charts;
        this.blocks = blocks;
    }

    // --- burden sharing -----------------------------------------------------------------------------

    void burdenSharing(Document doc, PdfWriter writer, BriefingData data) throws DocumentException {
        doc.newPage();
        blocks.heading(doc, "Burden sharing: what the Alliance spends");
        blocks.note(doc, "Defence expenditure in USD at current prices and each nation's annual-average exchange rate, "
                + "summed over the nations whose figures carry amounts and a USD rate (published ratios have no amounts; "
                + "Iceland is not assessed). Europe and Canada against the United States, and their ratio. Years whose "
                + "figures are only the ratios NATO published carry no amounts and are not summed.");
        List<ComplianceData.Alliance> years = data.burden().stream().filter(a -> a.totals() != null
                && a.totals().alliance() != null && a.totals().alliance().nations() > 0).toList();
        if (years.isEmpty()) {
            doc.add(new Paragraph("Totals " + NOT_REPORTED + ": no nation has submitted amounts with a USD rate yet.",
                    type.font(9)));
            natoBesideOurs(doc, data, years);
            return;
        }
        PdfPTable t = blocks.table(new float[] {1f, 1.6f, 1f, 1.6f, 1.6f, 1.3f, 1.7f}, "Year", "Alliance, USD bn",
                "% of GDP", "Europe + Canada, USD bn", "United States, USD bn", "EC : US", "Nations (of which ratio only)");
        int i = 0;
        for (ComplianceData.Alliance a : years) {
            ComplianceData.Totals tot = a.totals();
            Color shade = Blocks.shade(i++);
            blocks.cell(t, String.valueOf(a.year()), shade, Element.ALIGN_LEFT, type.font(7.5f));
            blocks.num(t, bn(tot.alliance().defenceUsd()), shade);
            blocks.num(t, Formats.pct(tot.alliance().pctOfGdp()), shade);
            blocks.num(t, group(tot.europeCanada()), shade);
            blocks.num(t, group(tot.unitedStates()), shade);
            blocks.num(t, tot.europeCanadaToUs() == null ? NOT_REPORTED : tot.europeCanadaToUs().setScale(2,
                    java.math.RoundingMode.HALF_UP).toPlainString(), shade);
            blocks.num(t, tot.alliance().nations() + (a.coverage() == null ? "" : " (" + a.coverage().ratioOnly() + ")"),
                    shade);
        }
        doc.add(t);
        float top = writer.getVerticalPosition(true) - 16;
        float height = Math.min(260, top - doc.bottom() - 10);
        if (height > 120) {
            List<Charts.YearPair> pairs = years.stream().map(a -> new Charts.YearPair(a.year(),
                    billions(a.totals().europeCanada()), billions(a.totals().unitedStates()))).toList();
            charts.burdenColumns(writer.getDirectContent(), doc.left(), top - height, doc.right() - doc.left(), height, pairs);
        }
        natoBesideOurs(doc, data, years);
    }

    /**
     * NATO's own % of GDP for Europe and Canada and for the Alliance (all Allies, from the edition's aggregates) beside
     * the suite's, which rests only on the nations that submitted amounts with a USD rate.
     */
    private void natoBesideOurs(Document doc, BriefingData data, List<ComplianceData.Alliance> ours) throws DocumentException {
        NatoAggregates nato = data.natoAggregates();
        doc.newPage();
        blocks.heading(doc, "Europe and Canada: NATO's figures beside the suite's");
        if (nato == null) {
            doc.add(new Paragraph("NATO's aggregates " + NOT_REPORTED + ": no loaded edition prints them ("
                    + BriefingPdf.editionsLine(data) + ").", type.font(9)));
            return;
        }
        blocks.note(doc, "Defence expenditure as % of GDP. NATO: the edition's own aggregates for NATO Europe and Canada "
                + "and for NATO as a whole, every Ally counted (" + nato.edition() + "). Pledgewatch: the same ratio "
                + "summed in USD over the nations that submitted amounts with a USD rate (how many in brackets); it "
                + "covers only them, so it differs from NATO's until every Ally submits.");
        PdfPTable t = blocks.table(new float[] {0.8f, 1.4f, 1.6f, 1.4f, 1.6f, 1.4f, 1.4f}, "Year",
                "Europe + Canada, NATO", "Europe + Canada, Pledgewatch", "Alliance, NATO", "Alliance, Pledgewatch",
                "Real change E+C, NATO", "Real change Alliance, NATO");
        List<Integer> years = java.util.stream.Stream.concat(nato.years().stream(), ours.stream().map(a -> a.year()))
                .distinct().sorted().toList();
        int i = 0;
        for (int year : years) {
            Color shade = Blocks.shade(i++);
            Optional<NatoEdition.Aggregate> ec = nato.of(NatoAggregates.EUROPE_CANADA, year);
            Optional<NatoEdition.Aggregate> all = nato.of(NatoAggregates.ALLIANCE, year);
            Optional<ComplianceData.Totals> own = ours.stream().filter(a -> a.year() == year).findFirst()
                    .map(ComplianceData.Alliance::totals);
            blocks.cell(t, String.valueOf(year), shade, Element.ALIGN_LEFT, type.font(7.5f));
            blocks.num(t, ec.map(x -> pct(x.defencePctGdp())).orElse(NOT_REPORTED), shade);
            blocks.num(t, own.map(x -> share(x.europeCanada())).orElse(NOT_REPORTED), shade);
            blocks.num(t, all.map(x -> pct(x.defencePctGdp())).orElse(NOT_REPORTED), shade);
            blocks.num(t, own.map(x -> share(x.alliance())).orElse(NOT_REPORTED), shade);
            blocks.num(t, ec.map(x -> signed(x.realChangePct())).orElse(NOT_REPORTED), shade);
            blocks.num(t, all.map(x -> signed(x.realChangePct())).orElse(NOT_REPORTED), shade);
        }
        doc.add(t);
    }

    private static String share(ComplianceData.Group g) {
        return g == null || g.nations() == 0 || g.pctOfGdp() == null ? NOT_REPORTED
                : Formats.pct(g.pctOfGdp()) + " (" + g.nations() + ")";
    }

    private static String group(ComplianceData.Group g) {
        return g == null || g.nations() == 0 ? NOT_REPORTED : bn(g.defenceUsd()) + " (" + g.nations() + ")";
    }

    private static double billions(ComplianceData.Group g) {
        return g == null || g.defenceUsd() == null ? 0 : g.defenceUsd().movePointLeft(9).doubleValue();
    }

    private static String bn(BigDecimal usd) {
        return usd == null ? NOT_REPORTED : String.format(java.util.Locale.UK, "%,.1f", usd.movePointLeft(9));
    }

    // --- where the money goes -----------------------------------------------------------------------

    void whereTheMoneyGoes(Document doc, PdfWriter writer, BriefingData data) throws DocumentException {
        int year = data.measuresYear();
        doc.newPage();
        blocks.heading(doc, "Where the money goes, " + year);
        List<ComplianceData.Assessment> reported = new ArrayList<>();
        List<String> notReported = new ArrayList<>();
        for (ComplianceData.Assessment a : data.ofYear(year)) {
            if (!a.assessed()) {
                continue;
            }
            if (a.analyst().map(m -> m.shares() != null && (m.shares().equipment() != null
                    || m.shares().personnel() != null)).orElse(false)) {
                reported.add(a);
            } else {
                notReported.add(BriefingPdf.name(a.country()));
            }
        }
        // A published ratio may carry NATO's personnel share without an equipment share: those rows go last.
        reported.sort(Comparator.comparing((ComplianceData.Assessment a) -> a.measures().shares().equipment(),
                Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())));
        long published = reported.stream().filter(ComplianceData.Assessment::publishedMeasures).count();
        blocks.note(doc, "Shares of defence expenditure by category: major equipment (incl. related R&D), personnel, "
                + "infrastructure, operations and the rest; the dashed line is the Wales guideline of 20% on equipment. "
                + (published == 0 ? "" : "† " + published + " nation(s) without amounts by category show NATO's published "
                + "shares: the edition gives equipment and personnel only (a blank equipment share is not drawn). ")
                + (notReported.isEmpty() ? "" : "Categories " + NOT_REPORTED + " for " + year + ": "
                + String.join(", ", notReported) + " (no shares submitted or published)."));
        if (reported.isEmpty()) {
            doc.add(new Paragraph("No nation reported its spending by category for " + year + ".", type.font(9)));
            return;
        }
        List<Charts.ShareRow> rows = reported.stream().map(a -> new Charts.ShareRow(BriefingPdf.name(a.country())
                + (a.publishedMeasures() ? NATO_MARK : ""),
                new double[] {d(a.measures().shares().equipment()), d(a.measures().shares().personnel()),
                        d(a.measures().shares().infrastructure()), d(a.measures().shares().other())})).toList();
        float top = writer.getVerticalPosition(true) - 12;
        float height = Math.min(top - doc.bottom() - 20, rows.size() * 16f + 40);
        charts.stackedShares(writer.getDirectContent(), doc.left(), top - height, doc.right() - doc.left(), height, rows,
                20, new String[] {"equipment", "personnel", "infrastructure", "operations and other"});
    }

    private static double d(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }

    // --- real change, Ukraine, per head --------------------------------------------------------------

    void measuresByNation(Document doc, BriefingData data) throws DocumentException {
        int year = data.measuresYear();
        doc.setPageSize(PageSize.A4.rotate());
        doc.newPage();
        blocks.heading(doc, "Real change, Ukraine support and spending per head, " + year);
        blocks.note(doc, "Real change: defence expenditure at 2021 prices (the nation's GDP deflator) against the year "
                + "before, across a change of currency at the fixed conversion rate. Ukraine support: direct support to "
                + "Ukraine's defence counted in defence expenditure. Per head and per soldier: USD at current prices. "
                + "\"" + NOT_REPORTED + "\" where an input is missing; the last column names it. " + NATO_FOOTNOTE);
        PdfPTable t = blocks.table(new float[] {2.2f, 1.1f, 1.3f, 1.2f, 1.2f, 1.5f, 1.3f, 1.4f, 3.2f}, "Nation",
                "Real change %", "Defence, 2021 prices", "Ukraine, % of defence", "Ukraine, % of GDP", "Defence, USD m",
                "Per head, USD", "Per soldier, USD", "Not reported because");
        List<ComplianceData.Assessment> rows = data.ofYear(year).stream().filter(ComplianceData.Assessment::assessed)
                .sorted(Comparator.comparing(a -> BriefingPdf.name(a.country()))).toList();
        int i = 0;
        for (ComplianceData.Assessment a : rows) {
            Color shade = Blocks.shade(i++);
            Optional<ComplianceData.Measures> m = a.analyst();
            blocks.cell(t, BriefingPdf.name(a.country()), shade, Element.ALIGN_LEFT, type.font(7.5f));
            blocks.num(t, m.map(x -> signed(x.realChange()) + mark(a, x.realChange())).orElse(NOT_REPORTED), shade);
            blocks.num(t, m.map(x -> money(x.constant(), a.currency())).orElse(NOT_REPORTED), shade);
            blocks.num(t, m.map(x -> x.ukraine() == null ? NOT_REPORTED : pct(x.ukraine().pctOfDefence())).orElse(NOT_REPORTED), shade);
            blocks.num(t, m.map(x -> x.ukraine() == null ? NOT_REPORTED : pct(x.ukraine().pctOfGdp())).orElse(NOT_REPORTED), shade);
            blocks.num(t, m.map(x -> x.usd() == null ? NOT_REPORTED : millions(x.usd().defence())).orElse(NOT_REPORTED), shade);
            blocks.num(t, m.map(x -> whole(x.perCapitaUsd())).orElse(NOT_REPORTED), shade);
            blocks.num(t, m.map(x -> whole(x.perSoldierUsd())).orElse(NOT_REPORTED), shade);
            String why = m.map(x -> x.missing() == null || x.missing().isEmpty() ? "" : String.join(", ", x.missing()))
                    .orElse("NATO".equals(a.kind()) || "PUBLISHED_RATIO".equals(a.kind()) ? "a published ratio: no amounts"
                            : "no amounts");
            blocks.cell(t, why, shade, Element.ALIGN_LEFT, type.font(6.5f, Typography.GREY));
        }
        if (rows.isEmpty()) {
            blocks.cell(t, "No assessments for " + year + ".", Color.WHITE, Element.ALIGN_LEFT, type.font(8));
            t.completeRow();
        }
        doc.add(t);
        realChangeOverTheYears(doc, data);
        doc.setPageSize(PageSize.A4);
    }

    /** Real change by nation and year, for every nation and year in which it is reported (plans included). */
    private void realChangeOverTheYears(Document doc, BriefingData data) throws DocumentException {
        List<ComplianceData.Assessment> reported = data.assessments().stream()
                .filter(a -> a.analyst().map(m -> m.realChange() != null).orElse(false)).toList();
        if (reported.isEmpty()) {
            return;
        }
        List<Integer> years = reported.stream().map(ComplianceData.Assessment::year).distinct().sorted().toList();
        List<String> nations = reported.stream().map(ComplianceData.Assessment::country).distinct()
                .sorted(Comparator.comparing(BriefingPdf::name)).toList();
        doc.newPage();
        blocks.heading(doc, "Real change by nation, " + years.get(0) + "–" + years.get(years.size() - 1));
        blocks.note(doc, "% change of defence expenditure at 2021 prices against the year before; later years are the "
                + "nations' plans. Computed where a nation submitted both years' amounts and price index; "
                + NATO_FOOTNOTE);
        float[] widths = new float[years.size() + 1];
        widths[0] = 2.2f;
        java.util.Arrays.fill(widths, 1, widths.length, 1f);
        String[] head = new String[years.size() + 1];
        head[0] = "Nation";
        for (int k = 0; k < years.size(); k++) {
            head[k + 1] = String.valueOf(years.get(k));
        }
        PdfPTable t = blocks.table(widths, head);
        int i = 0;
        for (String nation : nations) {
            Color shade = Blocks.shade(i++);
            blocks.cell(t, BriefingPdf.name(nation), shade, Element.ALIGN_LEFT, type.font(7.5f));
            for (int year : years) {
                Optional<ComplianceData.Assessment> cell = reported.stream()
                        .filter(a -> a.country().equals(nation) && a.year() == year).findFirst();
                BigDecimal change = cell.map(a -> a.measures().realChange()).orElse(null);
                blocks.num(t, signed(change) + cell.map(a -> mark(a, change)).orElse(""), shade);
            }
        }
        doc.add(t);
    }

    /** The NATO mark after a figure that NATO published; nothing after one computed or not reported. */
    private static String mark(ComplianceData.Assessment a, BigDecimal figure) {
        return figure != null && a.publishedMeasures() ? NATO_MARK : "";
    }

    private static String signed(BigDecimal v) {
        return v == null ? NOT_REPORTED : (v.signum() > 0 ? "+" : "") + Formats.pct(v);
    }

    private static String pct(BigDecimal v) {
        return v == null ? NOT_REPORTED : Formats.pct(v);
    }

    private static String money(BigDecimal v, String currency) {
        return v == null ? NOT_REPORTED : Formats.money(v, currency);
    }

    private static String millions(BigDecimal usd) {
        return usd == null ? NOT_REPORTED : String.format(java.util.Locale.UK, "%,.1f", usd.movePointLeft(6));
    }

    private static String whole(BigDecimal v) {
        return v == null ? NOT_REPORTED : String.format(java.util.Locale.UK, "%,.0f", v);
    }

    // --- the Hague annual plans ---------------------------------------------------------------------

    void plans(Document doc, PdfWriter writer, BriefingData data) throws DocumentException {
        doc.setPageSize(PageSize.A4.rotate());
        doc.newPage();
        blocks.heading(doc, "The Hague annual plans, 2026–2035");
        List<ComplianceData.Plan> withFigures = data.plans().stream().filter(ComplianceData.Plan::hasFigures).toList();
        long credible = withFigures.stream().filter(ComplianceData.Plan::credible).count();
        blocks.note(doc, "A plan is a nation's current figures for every year 2026–2035. Credible when complete (amounts "
                + "for every year), incremental (core% and hague% never fall), on both paths (to 3.5% core and 5% in "
                + "total, from the nation's 2025 figure) and reaching both targets in 2035. " + credible + " of "
                + withFigures.size() + " plan(s) credible; " + (data.plans().size() - withFigures.size())
                + " Ally(ies) without figures for any plan year.");
        PdfPTable t = blocks.table(new float[] {2f, 1f, 0.9f, 0.9f, 0.9f, 0.9f, 6.4f}, "Nation", "Verdict", "Complete",
                "Incremental", "On path", "Reaches 2035", "First shortfall");
        int i = 0;
        for (ComplianceData.Plan p : data.plans().stream().sorted(Comparator.comparing(ComplianceData.Plan::name)).toList()) {
            Color shade = Blocks.shade(i++);
            blocks.cell(t, p.name(), shade, Element.ALIGN_LEFT, type.font(7.5f));
            if (!p.hasFigures()) {
                blocks.cell(t, NOT_REPORTED, shade, Element.ALIGN_CENTER, type.font(7, Typography.GREY));
                for (int k = 0; k < 4; k++) {
                    blocks.cell(t, "–", shade, Element.ALIGN_CENTER, type.font(7, Typography.GREY));
                }
                blocks.cell(t, "no figures for any year 2026–2035", shade, Element.ALIGN_LEFT, type.font(7, Typography.GREY));
                continue;
            }
            blocks.cell(t, p.credible() ? "credible" : "not credible", shade, Element.ALIGN_CENTER,
                    type.bold(7, p.credible() ? Typography.GREEN : Typography.RED));
            check(t, p.checks().complete(), shade);
            check(t, p.checks().incremental(), shade);
            check(t, p.checks().onPath(), shade);
            check(t, p.checks().reaches2035(), shade);
            blocks.cell(t, p.firstShortfall() == null ? "" : capitalised(p.firstShortfall().detail()),
                    shade, Element.ALIGN_LEFT, type.font(7));
        }
        doc.add(t);
        if (withFigures.isEmpty()) {
            doc.setPageSize(PageSize.A4);
            return;
        }
        doc.newPage();
        blocks.heading(doc, "Each plan against its two paths");
        blocks.note(doc, "Core % of GDP (blue) and core plus credited related spending (navy) by year, against the path "
                + "to 3.5% core (dashed orange) and the path to 5% in total (dashed red) from the nation's 2025 figure. "
                + "A gap in a line is a year without figures.");
        float top = writer.getVerticalPosition(true) - 8;
        int columns = 4;
        float width = (doc.right() - doc.left()) / columns;
        float height = Math.min(130, (top - doc.bottom()) / 3);
        int perPage = columns * Math.max(1, (int) ((top - doc.bottom()) / height));
        for (int k = 0; k < withFigures.size(); k++) {
            if (k > 0 && k % perPage == 0) {
                doc.newPage();
                top = writer.getVerticalPosition(true) - 8;
            }
            ComplianceData.Plan p = withFigures.get(k);
            int slot = k % perPage;
            float x = doc.left() + (slot % columns) * width;
            float y = top - (slot / columns + 1) * height;
            charts.planPanel(writer.getDirectContent(), x + 2, y + 2, width - 8, height - 8, panel(p), 7);
        }
        doc.setPageSize(PageSize.A4);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void check(PdfPTable t, boolean ok, Color shade) {
        blocks.cell(t, ok ? "yes" : "no", shade, Element.ALIGN_CENTER, type.bold(7, ok ? Typography.GREEN : Typography.RED));
    }

    static Charts.PlanPanel panel(ComplianceData.Plan p) {
        List<ComplianceData.PlanYear> ys = p.years();
        Double[] core = new Double[ys.size()];
        Double[] hague = new Double[ys.size()];
        double[] p35 = new double[ys.size()];
        double[] p5 = new double[ys.size()];
        for (int i = 0; i < ys.size(); i++) {
            ComplianceData.PlanYear y = ys.get(i);
            core[i] = y.core() == null ? null : y.core().doubleValue();
            hague[i] = y.hague() == null ? null : y.hague().doubleValue();
            p35[i] = y.path35() == null ? 0 : y.path35().doubleValue();
            p5[i] = y.path5() == null ? 0 : y.path5().doubleValue();
        }
        return new Charts.PlanPanel(p.name(), p.credible(), ys.get(0).year(), ys.get(ys.size() - 1).year(), core, hague,
                p35, p5);
    }
}
