package io.pledgewatch.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import io.pledgewatch.report.compliance.ComplianceData;
import io.pledgewatch.report.figures.BriefingData;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * "What NATO revised": every nation and year whose published figure changed between the two latest editions loaded,
 * old → new, largest change first, as compliance lists them. Each edition restates earlier years, so an analyst needs
 * to see what moved before comparing a figure with last year's briefing.
 */
final class RevisionsPage {

    static final String HEADING = "What NATO revised";

    private final Typography type;
    private final Blocks blocks;

    RevisionsPage(Typography type, Blocks blocks) {
        this.type = type;
        this.blocks = blocks;
    }

    void page(Document doc, BriefingData data) throws DocumentException {
        doc.newPage();
        blocks.heading(doc, HEADING);
        ComplianceData.Editions editions = data.editions();
        String when = data.figuresAsOf() == null ? "now" : "as of " + BriefingData.day(data.figuresAsOf());
        if (editions.from() == null || editions.to() == null) {
            List<ComplianceData.Edition> loaded = editions.loaded();
            doc.add(new Paragraph("Fewer than two of NATO's editions are loaded " + when + " (" + loaded.size()
                    + (loaded.isEmpty() ? "" : ": " + String.join("; ", loaded.stream().map(BriefingData::cite).toList()))
                    + "), so there is no earlier edition to compare with.", type.font(9)));
            return;
        }
        List<ComplianceData.EditionChange> changes = editions.changeList().stream()
                .filter(c -> data.isAlliance() || c.country().equals(data.country())).toList();
        blocks.note(doc, "Each edition restates earlier years; compare Allies within one edition. Between "
                + BriefingData.cite(editions.from()) + " and " + BriefingData.cite(editions.to()) + " (the two latest "
                + "loaded " + when + "), " + changes.size() + " published figure(s)"
                + (data.isAlliance() ? "" : " of " + data.countryName()) + " changed: defence expenditure as % of GDP, "
                + "old → new, largest change first.");
        if (changes.isEmpty()) {
            doc.add(new Paragraph("No published figure changed.", type.font(9)));
            return;
        }
        PdfPTable t = blocks.table(new float[] {2.4f, 0.8f, 2f, 1.2f}, "Nation", "Year", "Old → new, % of GDP",
                "Change, points");
        int i = 0;
        for (ComplianceData.EditionChange c : changes) {
            Color shade = Blocks.shade(i++);
            blocks.cell(t, BriefingPdf.name(c.country()), shade, Element.ALIGN_LEFT, type.font(7.5f));
            blocks.cell(t, String.valueOf(c.year()), shade, Element.ALIGN_CENTER, type.font(7.5f));
            blocks.cell(t, Formats.pct(c.old()) + " → " + Formats.pct(c.revised()), shade, Element.ALIGN_CENTER,
                    type.font(7.5f));
            blocks.num(t, change(c.change()), shade);
        }
        doc.add(t);
    }

    /** Signed, to the two decimals compliance compares editions at (NATO's printed precision). */
    static String change(BigDecimal change) {
        if (change == null) {
            return "–";
        }
        BigDecimal shown = change.setScale(2, RoundingMode.HALF_UP);
        return (change.signum() > 0 ? "+" : change.signum() < 0 ? "−" : "") + shown.abs().toPlainString();
    }
}
