package io.pledgewatch.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;

/** The building blocks every page shares: headings, notes, table headers and cells in the briefing's style. */
final class Blocks {

    private final Typography type;

    Blocks(Typography type) {
        this.type = type;
    }

    void heading(Document doc, String text) throws DocumentException {
        Paragraph h = new Paragraph(text, type.bold(16, Typography.NAVY));
        h.setSpacingAfter(4);
        doc.add(h);
    }

    void note(Document doc, String text) throws DocumentException {
        doc.add(new Paragraph(text, type.font(8.5f, Typography.GREY)));
    }

    PdfPTable table(float[] widths, String... head) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(8);
        t.setHeaderRows(1);
        for (String h : head) {
            PdfPCell c = new PdfPCell(new Phrase(h, type.bold(7, Color.WHITE)));
            c.setBackgroundColor(Typography.NAVY);
            c.setPadding(4);
            c.setHorizontalAlignment(h.equals(head[0]) ? Element.ALIGN_LEFT : Element.ALIGN_CENTER);
            t.addCell(c);
        }
        return t;
    }

    void cell(PdfPTable t, String text, Color shade, int align, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setBackgroundColor(shade);
        c.setBorderColor(Typography.LIGHT_GREY);
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        t.addCell(c);
    }

    void num(PdfPTable t, String text, Color shade) {
        cell(t, text, shade, Element.ALIGN_RIGHT, "not reported".equals(text) ? type.font(7, Typography.GREY)
                : type.font(7.5f));
    }

    static Color shade(int row) {
        return row % 2 == 0 ? Color.WHITE : Typography.ROW_SHADE;
    }
}
