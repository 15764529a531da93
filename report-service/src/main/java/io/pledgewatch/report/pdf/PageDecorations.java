package io.pledgewatch.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/** Running header (briefing title) and footer ("Page n of N", as-of) on every page but the cover. */
final class PageDecorations extends PdfPageEventHelper {

    private final Typography type;
    private final String header;
    private final String footer;
    private PdfTemplate total;

    PageDecorations(Typography type, String header, String footer) {
        this.type = type;
        this.header = header;
        this.footer = footer;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(40, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        int page = writer.getPageNumber();
        if (page == 1) {
            return;
        }
        Rectangle size = document.getPageSize();
        PdfContentByte cb = writer.getDirectContent();
        cb.saveState();
        cb.setColorStroke(Typography.LIGHT_BLUE);
        cb.setLineWidth(0.6f);
        float top = size.getTop() - 28;
        cb.moveTo(document.left(), top - 4);
        cb.lineTo(document.right(), top - 4);
        cb.stroke();
        cb.beginText();
        cb.setColorFill(Typography.NAVY);
        cb.setFontAndSize(type.bold, 8);
        cb.showTextAligned(Element.ALIGN_LEFT, "PLEDGEWATCH", document.left(), top, 0);
        cb.setFontAndSize(type.regular, 8);
        cb.setColorFill(Typography.GREY);
        cb.showTextAligned(Element.ALIGN_RIGHT, header, document.right(), top, 0);
        float bottom = size.getBottom() + 22;
        cb.showTextAligned(Element.ALIGN_LEFT, footer, document.left(), bottom, 0);
        String label = "Page " + page + " of ";
        float labelWidth = type.regular.getWidthPoint(label, 8);
        float x = document.right() - 22 - labelWidth;
        cb.showTextAligned(Element.ALIGN_LEFT, label, x, bottom, 0);
        cb.endText();
        cb.addTemplate(total, x + labelWidth, bottom);
        cb.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(type.regular, 8);
        total.setColorFill(Typography.GREY);
        total.showText(String.valueOf(writer.getPageNumber() - 1));
        total.endText();
    }
}
