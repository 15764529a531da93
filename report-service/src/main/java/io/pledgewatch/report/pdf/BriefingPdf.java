package io.pledgewatch.report.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import io.pledgewatch.report.compliance.ComplianceData;
import io.pledgewatch.report.figures.BriefingData;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lays out a briefing with OpenPDF. A plain class: give it {@link BriefingData}, get the PDF bytes; no framework,
 * no I/O beyond the fonts on the classpath. Alliance briefings: cover, key figures and changes, the Alliance
 * table, three charts, the analyst pages (burden sharing, where the money goes, real change / Ukraine / per capita,
 * the Hague plans), a page per nation, the methodology. Nation briefings: the same for one nation.
 */
public final class BriefingPdf {

    public record Rendered(byte[] pdf, int pages) {
    }

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    static final String WALES = "wales-2014";
    static final String HAGUE = "hague-2025";
    static final String PUBLISHED_RATIO = "PUBLISHED_RATIO";

    private final Typography type;
    private final Charts charts;
    private final Blocks blocks;
    private final AnalystPages analyst;
    private final RevisionsPage revisions;

    public BriefingPdf(Typography type) {
        this.type = type;
        this.charts = new Charts(type);
        this.blocks = new Blocks(type);
        this.analyst = new AnalystPages(type, charts, blocks);
        this.revisions = new RevisionsPage(type, blocks);
    }

    public Rendered render(BriefingData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        Document doc = new Document(PageSize.A4, 42, 42, 54, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            writer.setPageEvent(new PageDecorations(type, title(data), "As of " + STAMP.format(data.asOf())
                    + (data.figuresAsOf() == null ? "" : " · figures as of " + BriefingData.day(data.figuresAsOf()))
                    + " · data cut-off " + cutoff(data)));
            doc.addTitle(title(data));
            doc.addSubject("NATO defence-spending commitments: Wales 2014 and The Hague 2025");
            doc.addCreator("Pledgewatch report-service");
            doc.addAuthor("Pledgewatch");
            doc.open();
            cover(doc, writer, data);
            if (data.isAlliance()) {
                keyFigures(doc, data);
                changes(doc, data);
                revisions.page(doc, data);
                allianceTable(doc, data);
                coreChart(doc, writer, data);
                pathCharts(doc, writer, data);
                quadrant(doc, writer, data);
                analyst.burdenSharing(doc, writer, data);
                analyst.whereTheMoneyGoes(doc, writer, data);
                analyst.measuresByNation(doc, data);
                analyst.plans(doc, writer, data);
                nations(data).forEach(a -> nationPage(doc, writer, data, a));
            } else {
                nations(data).stream().filter(a -> a.iso3().equals(data.country())).findFirst()
                        .or(() -> Allies.get().find(data.country())).ifPresent(ally -> nationPage(doc, writer, data, ally));
                changes(doc, data);
                revisions.page(doc, data);
                analyst.measuresByNation(doc, data);
                analyst.plans(doc, writer, data);
            }
            methodology(doc, data);
            doc.close();
            // After close the writer has moved past the last page.
            return new Rendered(out.toByteArray(), writer.getPageNumber() - 1);
        } catch (DocumentException e) {
            throw new IllegalStateException("briefing layout failed: " + e.getMessage(), e);
        }
    }

    public static String title(BriefingData data) {
        return data.isAlliance() ? "Alliance briefing · " + period(data.period())
                : data.countryName() + " briefing · " + period(data.period());
    }

    /** An ISO instant period ("2026-11-23T06:00:00Z") as people read it; anything else as given. */
    static String period(String period) {
        try {
            return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                    .format(java.time.Instant.parse(period));
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return period;
        }
    }

    private static String cutoff(BriefingData data) {
        return data.dataCutoff() == null ? "no data" : STAMP.format(data.dataCutoff());
    }

    // --- cover --------------------------------------------------------------------------------------

    private void cover(Document doc, PdfWriter writer, BriefingData data) throws DocumentException {
        PdfContentByte cb = writer.getDirectContentUnder();
        Rectangle page = doc.getPageSize();
        cb.saveState();
        cb.setColorFill(Typography.NAVY);
        cb.rectangle(0, page.getHeight() - 300, page.getWidth(), 300);
        cb.fill();
        cb.setColorFill(Typography.LIGHT_BLUE);
        cb.rectangle(0, page.getHeight() - 306, page.getWidth(), 6);
        cb.fill();
        cb.restoreState();
        Paragraph brand = new Paragraph("PLEDGEWATCH", type.bold(12, Typography.LIGHT_BLUE));
        brand.setSpacingBefore(40);
        doc.add(brand);
        Paragraph title = new Paragraph(data.isAlliance() ? "Alliance briefing" : data.countryName(), type.bold(34, Color.WHITE));
        title.setSpacingBefore(70);
        doc.add(title);
        doc.add(new Paragraph(data.isAlliance()
                ? "Defence spending against the Wales 2014 pledge and The Hague 2025 commitment"
                : "National briefing: defence spending against the Wales 2014 pledge and The Hague 2025 commitment",
                type.font(13, Color.WHITE)));
        Paragraph period = new Paragraph("Period of " + period(data.period()) + " · figures for " + data.focusYear(),
                type.font(11, Typography.LIGHT_BLUE));
        period.setSpacingBefore(8);
        doc.add(period);
        if (data.figuresAsOf() != null) {
            doc.add(new Paragraph("Figures as of " + BriefingData.day(data.figuresAsOf()), type.bold(13, Color.WHITE)));
        }

        PdfPTable facts = new PdfPTable(new float[] {1.2f, 3f});
        facts.setWidthPercentage(80);
        facts.setHorizontalAlignment(Element.ALIGN_LEFT);
        facts.setSpacingBefore(150);
        fact(facts, "As of", STAMP.format(data.asOf()));
        fact(facts, "Data cut-off", cutoff(data) + " (latest assessment included)");
        if (data.figuresAsOf() != null) {
            fact(facts, "Figures as of", BriefingData.day(data.figuresAsOf()) + ": every figure as it stood at the end of "
                    + "that day (UTC), scored with the rule sets in force now");
        }
        fact(facts, "Sources", "Submissions by national delegations; " + editionsLine(data));
        fact(facts, "Rule sets", ruleSetLine(data));
        fact(facts, "Prepared by", "Pledgewatch report-service, generated automatically");
        doc.add(facts);
        Paragraph caveat = new Paragraph("Figures are as submitted or published and may be revised. Percentages are shown "
                + "to two decimals; every comparison with a target uses unrounded values.", type.font(8.5f, Typography.GREY));
        caveat.setSpacingBefore(24);
        doc.add(caveat);
    }

    private void fact(PdfPTable t, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, type.bold(9.5f, Typography.NAVY)));
        PdfPCell v = new PdfPCell(new Phrase(value, type.font(9.5f)));
        for (PdfPCell c : List.of(l, v)) {
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(Typography.LIGHT_GREY);
            c.setPaddingBottom(6);
            c.setPaddingTop(4);
            t.addCell(c);
        }
    }

    /** NATO's editions loaded (as of the figures' day), cited newest first. */
    static String editionsLine(BriefingData data) {
        List<ComplianceData.Edition> loaded = data.editions().loaded();
        return loaded.isEmpty() ? "no NATO edition loaded"
                : String.join("; ", loaded.stream().map(BriefingData::cite).toList());
    }

    private static String ruleSetLine(BriefingData data) {
        List<String> parts = new ArrayList<>();
        for (ComplianceData.RuleSet r : data.ruleSets()) {
            parts.add(r.id() + " v" + r.version());
        }
        return parts.isEmpty() ? "–" : String.join(", ", parts);
    }

    // --- key figures and changes ---------------------------------------------------------------------

    private void keyFigures(Document doc, BriefingData data) throws DocumentException {
        doc.newPage();
        heading(doc, "Key figures, " + data.focusYear());
        ComplianceData.Alliance a = data.alliance();
        PdfPTable grid = new PdfPTable(3);
        grid.setWidthPercentage(100);
        grid.setSpacingBefore(8);
        tile(grid, String.valueOf(a.assessed()), "Allies assessed", "Iceland is listed but not assessed"
                + (a.noData() == null || a.noData().isEmpty() ? "" : "; no data: " + String.join(", ", a.noData())));
        tile(grid, a.atOrAbove2() + " of " + a.assessed(), "at or above 2% of GDP", "Wales 2014 pledge, core defence");
        tile(grid, a.atOrAbove3_5() + " of " + a.assessed(), "at or above 3.5% of GDP", "The Hague 2025 core target");
        tile(grid, a.atOrAbove5() + " of " + a.assessed(), "at or above 5% (core + related)", "related spending counted up to 1.5%");
        tile(grid, a.onPathCore() == null ? "–" : a.onPathCore() + " / " + a.onPathTotal(), "on path: 3.5% / 5%",
                a.onPathCore() == null ? "The Hague paths start in 2025" : "on or above their linear path to 2035");
        tile(grid, Formats.pctSign(a.medianCore()) + " · " + Formats.pctSign(a.meanCore()), "median · mean core",
                "share of GDP, assessed Allies");
        doc.add(grid);
        Paragraph from = new Paragraph(restsOn(data), type.font(9));
        from.setSpacingBefore(8);
        doc.add(from);
        if (a.usd() != null && a.usd().nationsWithoutAmounts() >= a.assessed()) {
            Paragraph usd = new Paragraph("USD totals need amounts: every assessed nation's " + data.focusYear()
                    + " figure is a ratio NATO published, so no USD totals are shown.", type.font(9));
            usd.setSpacingBefore(10);
            doc.add(usd);
        } else if (a.usd() != null) {
            Paragraph usd = new Paragraph("Defence expenditure in USD at the submitted exchange rates: Europe and Canada "
                    + Formats.usdBillions(a.usd().europeCanada()) + ", United States "
                    + Formats.usdBillions(a.usd().unitedStates()) + ". Not converted: " + a.usd().nationsWithoutRate()
                    + " nation(s) without an exchange rate and " + a.usd().nationsWithoutAmounts()
                    + " with a published ratio only (no amounts).", type.font(9));
            usd.setSpacingBefore(10);
            doc.add(usd);
        }
        ranking(doc, data);
    }

    /** Which of NATO's editions, and how many nations' own submissions, the focus year's figures rest on. */
    private static String restsOn(BriefingData data) {
        List<ComplianceData.Assessment> year = assessed(data.ofYear(data.focusYear()));
        long published = year.stream().filter(x -> PUBLISHED_RATIO.equals(x.kind())).count();
        long submitted = year.size() - published;
        List<String> editions = data.focusEditions().stream().map(BriefingData::cite).toList();
        String asOf = data.figuresAsOf() == null ? "" : ", as they stood on " + BriefingData.day(data.figuresAsOf()) + ",";
        return "These figures" + asOf + " rest on " + (editions.isEmpty() ? "no NATO edition"
                : (editions.size() == 1 ? "the edition " : "the editions ") + String.join("; ", editions))
                + " (" + published + " Allies' published figures)"
                + (submitted == 0 ? "; none on an Ally's own submission." : " and on " + submitted + " Allies' own submissions.");
    }

    private void tile(PdfPTable grid, String big, String label, String note) {
        PdfPCell c = new PdfPCell();
        c.setBorderColor(Color.WHITE);
        c.setBorderWidth(3);
        c.setBackgroundColor(Typography.ROW_SHADE);
        c.setPadding(10);
        c.addElement(new Paragraph(big, type.bold(20, Typography.NAVY)));
        c.addElement(new Paragraph(label, type.bold(9)));
        c.addElement(new Paragraph(note, type.font(7.5f, Typography.GREY)));
        grid.addCell(c);
    }

    private void ranking(Document doc, BriefingData data) throws DocumentException {
        List<ComplianceData.Assessment> year = assessed(data.ofYear(data.focusYear()));
        if (year.isEmpty()) {
            return;
        }
        Paragraph p = new Paragraph("Highest and lowest core spending in " + data.focusYear(), type.bold(11, Typography.NAVY));
        p.setSpacingBefore(16);
        doc.add(p);
        List<ComplianceData.Assessment> sorted = year.stream()
                .sorted(Comparator.comparing((ComplianceData.Assessment x) -> x.values().core()).reversed()).toList();
        StringBuilder top = new StringBuilder();
        sorted.stream().limit(5).forEach(x -> top.append(name(x.country())).append(" ").append(Formats.pctSign(x.values().core())).append(" · "));
        StringBuilder bottom = new StringBuilder();
        sorted.stream().skip(Math.max(0, sorted.size() - 5)).forEach(x -> bottom.append(name(x.country())).append(" ")
                .append(Formats.pctSign(x.values().core())).append(" · "));
        doc.add(new Paragraph("Highest: " + trimDot(top), type.font(9)));
        doc.add(new Paragraph("Lowest: " + trimDot(bottom), type.font(9)));
    }

    private static String trimDot(StringBuilder sb) {
        return sb.length() > 3 ? sb.substring(0, sb.length() - 3) : sb.toString();
    }

    private void changes(Document doc, BriefingData data) throws DocumentException {
        Paragraph h = new Paragraph("What changed since the previous briefing", type.bold(13, Typography.NAVY));
        h.setSpacingBefore(18);
        h.setSpacingAfter(4);
        doc.add(h);
        for (String line : data.changes()) {
            Paragraph p = new Paragraph("•  " + line, type.font(8.5f));
            p.setIndentationLeft(8);
            doc.add(p);
        }
    }

    // --- the Alliance table -------------------------------------------------------------------------

    private void allianceTable(Document doc, BriefingData data) throws DocumentException {
        doc.setPageSize(PageSize.A4.rotate());
        doc.newPage();
        heading(doc, "The Alliance table, " + data.focusYear());
        doc.add(new Paragraph("Core: defence expenditure (NATO definition) as % of GDP. Hague: core plus related spending "
                + "credited up to 1.5%. Path: the value due this year on the linear path from the nation's 2025 figure to "
                + "2035. Gaps: to this year's path, in national currency. Rows whose figures read \"NATO\" show NATO's "
                + "published figures (core % and, where the edition gives it, the equipment share), not a submission: "
                + "they carry no amounts, so no gaps in currency.", type.font(7.5f, Typography.GREY)));
        String[] head = {"Nation", "Figures", "Core %", "Related %", "Hague %", "Equip. %", "Path 3.5", "Path 5",
                "2% (Wales)", "20% equip.", "3.5% (Hague)", "5% (Hague)", "Gap to 3.5% path", "Gap to 5% path", "Score"};
        PdfPTable t = new PdfPTable(new float[] {2.3f, 1.4f, 1f, 1f, 1f, 1f, 1f, 1f, 1.2f, 1.2f, 1.3f, 1.3f, 2.1f, 2.1f, 0.9f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(8);
        t.setHeaderRows(1);
        for (String h : head) {
            PdfPCell c = new PdfPCell(new Phrase(h, type.bold(7, Color.WHITE)));
            c.setBackgroundColor(Typography.NAVY);
            c.setPadding(4);
            c.setHorizontalAlignment(h.equals("Nation") ? Element.ALIGN_LEFT : Element.ALIGN_CENTER);
            t.addCell(c);
        }
        List<ComplianceData.Assessment> rows = data.ofYear(data.focusYear()).stream()
                .sorted(Comparator.comparing(a -> name(a.country()))).toList();
        int i = 0;
        for (ComplianceData.Assessment a : rows) {
            Color shade = i++ % 2 == 0 ? Color.WHITE : Typography.ROW_SHADE;
            cell(t, name(a.country()), shade, Element.ALIGN_LEFT, type.font(7.5f));
            cell(t, figures(a), shade, Element.ALIGN_LEFT, type.font(7, Typography.GREY));
            if (!a.assessed()) {
                PdfPCell c = new PdfPCell(new Phrase(a.notAssessedReason(), type.font(7, Typography.GREY)));
                c.setColspan(13);
                c.setBackgroundColor(shade);
                c.setBorderColor(Typography.LIGHT_GREY);
                c.setPadding(3);
                t.addCell(c);
                continue;
            }
            ComplianceData.Values v = a.values();
            num(t, Formats.pct(v.core()), shade);
            num(t, Formats.pct(v.related()), shade);
            num(t, Formats.pct(v.hague()), shade);
            num(t, Formats.pct(v.equipment()), shade);
            ComplianceData.Target hc = a.target(HAGUE, "core");
            ComplianceData.Target ht = a.target(HAGUE, "total");
            num(t, hc == null ? "–" : Formats.pct(hc.path()), shade);
            num(t, ht == null ? "–" : Formats.pct(ht.path()), shade);
            status(t, a.target(WALES, "core"), shade);
            status(t, a.target(WALES, "equipment"), shade);
            status(t, hc, shade);
            status(t, ht, shade);
            num(t, hc == null || hc.gapToPath() == null ? "–" : gapText(hc.gapToPath()), shade);
            num(t, ht == null || ht.gapToPath() == null ? "–" : gapText(ht.gapToPath()), shade);
            num(t, Formats.score(a.score()), shade);
        }
        if (rows.isEmpty()) {
            PdfPCell c = new PdfPCell(new Phrase("No assessments for " + data.focusYear() + " yet.", type.font(8)));
            c.setColspan(head.length);
            t.addCell(c);
        }
        doc.add(t);
        doc.setPageSize(PageSize.A4);
    }

    /** "NATO est." for a published ratio; otherwise the submission's status and revision, e.g. "budget r2". */
    private static String figures(ComplianceData.Assessment a) {
        String status = a.submissionStatus() == null ? "" : a.submissionStatus().toLowerCase();
        if (PUBLISHED_RATIO.equals(a.kind())) {
            return "NATO " + (status.equals("estimate") ? "est." : status);
        }
        return status + " r" + a.revision();
    }

    private static String gapText(ComplianceData.Gap g) {
        if (g.amount() == null) {
            return g.points() == null || g.points().signum() == 0 ? "0" : Formats.pct(g.points()) + " pt";
        }
        return g.amount().signum() == 0 ? "0" : Formats.money(g.amount(), g.currency());
    }

    private void cell(PdfPTable t, String text, Color shade, int align, Font font) {
        blocks.cell(t, text, shade, align, font);
    }

    private void num(PdfPTable t, String text, Color shade) {
        blocks.num(t, text, shade);
    }

    private void status(PdfPTable t, ComplianceData.Target target, Color shade) {
        if (target == null) {
            cell(t, "–", shade, Element.ALIGN_CENTER, type.font(7.5f, Typography.GREY));
            return;
        }
        Color color = switch (target.status()) {
            case "MET" -> Typography.GREEN;
            case "ON_PATH" -> Typography.BLUE;
            default -> Typography.RED;
        };
        cell(t, Formats.status(target.status()), shade, Element.ALIGN_CENTER, type.bold(7, color));
    }

    // --- charts -------------------------------------------------------------------------------------

    private void coreChart(Document doc, PdfWriter writer, BriefingData data) throws DocumentException {
        doc.newPage();
        heading(doc, "Core defence spending by nation, " + data.focusYear());
        doc.add(new Paragraph("Share of GDP, highest first, against the Wales 2% minimum and The Hague 3.5% core target.",
                type.font(8.5f, Typography.GREY)));
        List<ComplianceData.Assessment> year = assessed(data.ofYear(data.focusYear())).stream()
                .sorted(Comparator.comparing((ComplianceData.Assessment x) -> x.values().core()).reversed()).toList();
        List<Charts.Bar> bars = year.stream().map(a -> new Charts.Bar(name(a.country()), a.values().core(),
                a.values().core().compareTo(new BigDecimal("3.5")) >= 0 ? Typography.NAVY
                        : a.values().core().compareTo(new BigDecimal("2")) >= 0 ? Typography.BLUE : Typography.ORANGE))
                .toList();
        double max = Math.max(6, year.stream().mapToDouble(a -> a.values().core().doubleValue()).max().orElse(0) + 0.5);
        float top = writer.getVerticalPosition(true) - 24;
        float height = Math.min(top - doc.bottom() - 30, Math.max(bars.size(), 1) * 16f);
        if (bars.isEmpty()) {
            doc.add(new Paragraph("No assessed nations in " + data.focusYear() + ".", type.font(9)));
            return;
        }
        charts.bars(writer.getDirectContent(), doc.left(), top - height, doc.right() - doc.left(), height, bars,
                new double[] {2.0, 3.5}, new String[] {"2%", "3.5%"}, max);
    }

    private void pathCharts(Document doc, PdfWriter writer, BriefingData data) throws DocumentException {
        List<Ally> nations = nations(data).stream().filter(Ally::isAssessed)
                .filter(a -> data.ofCountry(a.iso3()).stream().anyMatch(x -> x.year() >= 2025 && x.assessed()))
                .toList();
        int perPage = 16;
        for (int start = 0; start < Math.max(nations.size(), 1); start += perPage) {
            doc.newPage();
            heading(doc, "Paths to 2035" + (nations.size() > perPage ? " (" + (start / perPage + 1) + " of "
                    + ((nations.size() + perPage - 1) / perPage) + ")" : ""));
            doc.add(new Paragraph("Core spending (% of GDP, blue, 2014 onwards) against the linear path from each nation's "
                    + "2025 figure to 3.5% in 2035 (dashed orange); navy: the 3.5% target; red: the 2% minimum.",
                    type.font(8.5f, Typography.GREY)));
            if (nations.isEmpty()) {
                doc.add(new Paragraph("No nation has figures for 2025 or later yet.", type.font(9)));
                return;
            }
            float top = writer.getVerticalPosition(true) - 10;
            float width = (doc.right() - doc.left()) / 4;
            float height = Math.min(150, (top - doc.bottom()) / 4);
            List<Ally> page = nations.subList(start, Math.min(nations.size(), start + perPage));
            for (int i = 0; i < page.size(); i++) {
                Ally ally = page.get(i);
                float x = doc.left() + (i % 4) * width;
                float y = top - (i / 4 + 1) * height;
                charts.pathPanel(writer.getDirectContent(), x + 2, y + 2, width - 6, height - 8, panel(data, ally, ally.name()), 7);
            }
        }
    }

    private Charts.PathPanel panel(BriefingData data, Ally ally, String title) {
        List<ComplianceData.Assessment> series = data.ofCountry(ally.iso3()).stream()
                .filter(a -> a.assessed() && a.values() != null).toList();
        List<double[]> actual = series.stream().map(a -> new double[] {a.year(), a.values().core().doubleValue()}).toList();
        Optional<ComplianceData.Baseline> baseline = series.stream().filter(a -> a.year() >= 2025)
                .map(ComplianceData.Assessment::baseline).filter(b -> b != null).findFirst();
        double target = 3.5;
        // The contract's path: flat at the target when the baseline already meets it.
        double[] from = baseline.map(b -> new double[] {2025, Math.min(b.core().doubleValue(), target)}).orElse(null);
        double[] to = from == null ? null : new double[] {2035, target};
        return new Charts.PathPanel(title, actual, from, to, target, 2014);
    }

    private void quadrant(Document doc, PdfWriter writer, BriefingData data) throws DocumentException {
        doc.newPage();
        heading(doc, "The 2% / 20% quadrant, " + data.focusYear());
        List<ComplianceData.Assessment> withEquipment = assessed(data.ofYear(data.focusYear())).stream()
                .filter(a -> a.values().equipment() != null).toList();
        List<Charts.Point> points = withEquipment.stream()
                .map(a -> new Charts.Point(a.country(), a.values().core().doubleValue(), a.values().equipment().doubleValue()))
                .toList();
        long published = withEquipment.stream().filter(a -> PUBLISHED_RATIO.equals(a.kind())).count();
        doc.add(new Paragraph("Core spending as % of GDP against the share of it spent on major equipment (incl. related "
                + "R&D). Top right: both Wales guidelines met. " + points.size() + " nation(s) have equipment figures for "
                + data.focusYear() + (published == 0 ? "" : ", " + published + " of them NATO's published shares")
                + ".", type.font(8.5f, Typography.GREY)));
        if (points.isEmpty()) {
            doc.add(new Paragraph("No equipment figures for " + data.focusYear() + ": the quadrant needs amounts by category "
                    + "or published equipment shares.", type.font(9)));
            return;
        }
        float top = writer.getVerticalPosition(true) - 30;
        float size = Math.min(doc.right() - doc.left() - 60, top - doc.bottom() - 60);
        double maxX = Math.max(6, points.stream().mapToDouble(Charts.Point::x).max().orElse(0) + 0.5);
        double maxY = Math.max(50, Math.ceil((points.stream().mapToDouble(Charts.Point::y).max().orElse(0) + 5) / 10) * 10);
        charts.quadrant(writer.getDirectContent(), doc.left() + 50, top - size, size, size, points, Math.ceil(maxX), maxY,
                2.0, 20.0, "core defence spending, % of GDP", "equipment, % of defence spending");
    }

    // --- a nation -----------------------------------------------------------------------------------

    private void nationPage(Document doc, PdfWriter writer, BriefingData data, Ally ally) {
        try {
            doc.newPage();
            List<ComplianceData.Assessment> years = data.ofCountry(ally.iso3());
            heading(doc, ally.name() + " (" + ally.iso3() + ")");
            Optional<ComplianceData.Assessment> focus = years.stream().filter(a -> a.year() == data.focusYear()).findFirst();
            String summary = !ally.isAssessed() ? ally.name() + " has no armed forces and is not assessed against the targets."
                    : focus.filter(ComplianceData.Assessment::assessed).map(a -> "In " + a.year() + ": core "
                            + Formats.pctSign(a.values().core()) + " of GDP, Hague measure " + Formats.pctSign(a.values().hague())
                            + ", score " + Formats.score(a.score()) + " (revision " + a.revision() + ", "
                            + a.submissionStatus().toLowerCase() + ").")
                    .orElse("No assessment for " + data.focusYear() + ".");
            doc.add(new Paragraph("Ally since " + ally.accessionYear() + " · reports in " + ally.currencyIn(data.focusYear())
                    + ". " + summary, type.font(9)));
            focus.map(ComplianceData.Assessment::baseline).filter(b -> b != null).ifPresent(b -> {
                Paragraph p = new Paragraph("Hague baseline: " + Formats.pctSign(b.core()) + " core, "
                        + Formats.pctSign(b.total()) + " total — " + b.source(), type.font(7.5f, Typography.GREY));
                doc.add(p);
            });
            PdfPTable t = new PdfPTable(new float[] {0.8f, 1.5f, 1f, 1f, 1f, 1f, 1.2f, 1.2f, 1.4f, 1.4f, 0.8f});
            t.setWidthPercentage(100);
            t.setSpacingBefore(8);
            t.setHeaderRows(1);
            for (String h : new String[] {"Year", "Figures", "Core %", "Equip. %", "Related %", "Hague %", "2%", "20%",
                    "3.5% (path)", "5% (path)", "Score"}) {
                PdfPCell c = new PdfPCell(new Phrase(h, type.bold(7, Color.WHITE)));
                c.setBackgroundColor(Typography.NAVY);
                c.setPadding(3);
                c.setHorizontalAlignment(Element.ALIGN_CENTER);
                t.addCell(c);
            }
            int i = 0;
            for (ComplianceData.Assessment a : years) {
                Color shade = a.year() == data.focusYear() ? new Color(0xFF, 0xF6, 0xD5)
                        : i++ % 2 == 0 ? Color.WHITE : Typography.ROW_SHADE;
                cell(t, String.valueOf(a.year()), shade, Element.ALIGN_CENTER, type.bold(7.5f));
                cell(t, figures(a), shade, Element.ALIGN_LEFT, type.font(7, Typography.GREY));
                if (!a.assessed() || a.values() == null) {
                    PdfPCell c = new PdfPCell(new Phrase(a.notAssessedReason() == null ? "not assessed" : a.notAssessedReason(),
                            type.font(7, Typography.GREY)));
                    c.setColspan(9);
                    c.setBackgroundColor(shade);
                    c.setBorderColor(Typography.LIGHT_GREY);
                    t.addCell(c);
                    continue;
                }
                num(t, Formats.pct(a.values().core()), shade);
                num(t, Formats.pct(a.values().equipment()), shade);
                num(t, Formats.pct(a.values().related()), shade);
                num(t, Formats.pct(a.values().hague()), shade);
                status(t, a.target(WALES, "core"), shade);
                status(t, a.target(WALES, "equipment"), shade);
                ComplianceData.Target hc = a.target(HAGUE, "core");
                ComplianceData.Target ht = a.target(HAGUE, "total");
                cell(t, hc == null ? "–" : Formats.status(hc.status()) + " (" + Formats.pct(hc.path()) + ")", shade,
                        Element.ALIGN_CENTER, type.font(7));
                cell(t, ht == null ? "–" : Formats.status(ht.status()) + " (" + Formats.pct(ht.path()) + ")", shade,
                        Element.ALIGN_CENTER, type.font(7));
                num(t, Formats.score(a.score()), shade);
            }
            doc.add(t);
            focus.filter(ComplianceData.Assessment::assessed).ifPresent(a -> gaps(doc, a));
            if (ally.isAssessed() && years.stream().anyMatch(a -> a.year() >= 2025 && a.assessed())) {
                float top = writer.getVerticalPosition(true) - 12;
                if (top - doc.bottom() > 150) {
                    charts.pathPanel(writer.getDirectContent(), doc.left(), top - 150, doc.right() - doc.left(), 150,
                            panel(data, ally, "Core spending, % of GDP, 2014–2035, and the path to 3.5% in 2035"), 7);
                }
            }
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private void gaps(Document doc, ComplianceData.Assessment a) {
        StringBuilder sb = new StringBuilder("Gaps in " + a.year() + ": ");
        List<String> parts = new ArrayList<>();
        for (ComplianceData.Target t : a.targets()) {
            if (t.gapToTarget() != null && t.gapToTarget().points() != null && t.gapToTarget().points().signum() > 0) {
                parts.add(t.ruleSet() + " " + t.target() + " " + Formats.pct(t.gapToTarget().points()) + " pt to target"
                        + (t.gapToTarget().amount() == null ? "" : " (" + Formats.money(t.gapToTarget().amount(),
                        t.gapToTarget().currency()) + ")")
                        + (t.gapToPath() != null && t.gapToPath().points() != null && t.gapToPath().points().signum() > 0
                        ? ", " + Formats.pct(t.gapToPath().points()) + " pt to this year's path" : ""));
            }
        }
        sb.append(parts.isEmpty() ? "none — every target that applies is met." : String.join("; ", parts) + ".");
        Paragraph p = new Paragraph(sb.toString(), type.font(8));
        p.setSpacingBefore(6);
        try {
            doc.add(p);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- methodology --------------------------------------------------------------------------------

    private void methodology(Document doc, BriefingData data) throws DocumentException {
        doc.newPage();
        heading(doc, "Methodology");
        // The formulas are the contract's; every threshold, year and cap comes from the rule sets in force.
        List<String> paragraphs = new ArrayList<>(List.of(
            "Each assessment scores one nation's current figures for one year. With G = nominal GDP, D = defence "
                + "expenditure under NATO's definition (\"core\"), E = major equipment including related R&D, and "
                + "R = the sum of defence- and security-related spending (critical infrastructure, cyber and networks, "
                + "civil preparedness, innovation, industrial base):",
            "core% = 100 × D / G        equipment% = 100 × E / D        related% = 100 × R / G"));
        Methodology.creditedFormula(data.ruleSets()).ifPresent(paragraphs::add);
        paragraphs.addAll(Methodology.ruleParagraphs(data.ruleSets()));
        paragraphs.addAll(List.of(
            "Gaps: to the path, max(0, path(y) − value) percentage points; to the target, max(0, T − value); in national "
                + "currency, points × G / 100 (points × D / 100 for the equipment share).",
            "Score: for each target that applies to the year, min(1, value / required), where required is path(y) for a "
                + "path target and the fixed threshold otherwise; the score is 100 × their mean, to one decimal.",
            "Comparisons use unrounded values; percentages are shown to two decimals. Figures NATO published as ratios "
                + "(imported history) give core% and, where published, equipment% directly; their related% is 0 and they "
                + "have no currency gaps. Iceland, which has no armed forces, is listed but not assessed; years before a "
                + "nation's accession are not counted.",
            "Alliance counts: at or above 2% and 3.5% on core%, at or above 5% on hague%; on path counts a Hague target "
                + "whose status is on path or met. USD totals convert each nation's defence expenditure at its submitted "
                + "annual-average rate; nations without a rate or with a published ratio only are counted, not estimated."));
        for (String text : paragraphs) {
            boolean formula = text.startsWith("core% =") || text.startsWith("credited%");
            Paragraph p = new Paragraph(text, formula ? type.bold(9, Typography.NAVY) : type.font(9));
            p.setSpacingBefore(formula ? 2 : 7);
            if (formula) {
                p.setIndentationLeft(24);
            }
            doc.add(p);
        }
        Paragraph rs = new Paragraph("Rule sets in force for this briefing", type.bold(11, Typography.NAVY));
        rs.setSpacingBefore(14);
        doc.add(rs);
        for (ComplianceData.RuleSet r : data.ruleSets()) {
            Paragraph p = new Paragraph(r.id() + " version " + r.version() + ": " + r.title() + " (" + r.firstYear() + "–"
                    + r.lastYear() + "). Source: " + r.source() + ".", type.font(8.5f));
            p.setSpacingBefore(3);
            doc.add(p);
        }
        Paragraph src = new Paragraph("Sources: national delegations' submissions through Pledgewatch; "
                + editionsLine(data) + ". Generated " + STAMP.format(data.asOf()) + ".", type.font(8, Typography.GREY));
        src.setSpacingBefore(12);
        doc.add(src);
        doc.add(new Chunk(""));
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** The nations the data covers, by name; a code the reference table lacks is shown as itself. */
    static List<Ally> nations(BriefingData data) {
        return data.assessments().stream().map(ComplianceData.Assessment::country).distinct()
                .map(c -> Allies.get().find(c).orElseGet(() -> new Ally(c, c, c, 1949, "EUR", null, null, null)))
                .sorted(Comparator.comparing(Ally::name)).toList();
    }

    private void heading(Document doc, String text) throws DocumentException {
        blocks.heading(doc, text);
    }

    private static List<ComplianceData.Assessment> assessed(List<ComplianceData.Assessment> list) {
        return list.stream().filter(a -> a.assessed() && a.values() != null && a.values().core() != null).toList();
    }

    static String name(String iso3) {
        return Allies.get().nameOf(iso3);
    }
}
