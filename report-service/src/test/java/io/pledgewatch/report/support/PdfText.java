package io.pledgewatch.report.support;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF parsed back with PDFBox: its pages and text, as a reader would find them. */
public record PdfText(int pages, String text, String title) {

    public static PdfText of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            return new PdfText(doc.getNumberOfPages(), stripper.getText(doc), doc.getDocumentInformation().getTitle());
        } catch (IOException e) {
            throw new AssertionError("not a readable PDF: " + e.getMessage(), e);
        }
    }


    /** qpdf's structural check where qpdf is installed; null when it is not. */
    public static String qpdfCheck(byte[] pdf) {
        try {
            if (new ProcessBuilder("qpdf", "--version").start().waitFor() != 0) {
                return null;
            }
        } catch (IOException | InterruptedException notInstalled) {
            return null;
        }
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("briefing", ".pdf");
            java.nio.file.Files.write(file, pdf);
            Process p = new ProcessBuilder("qpdf", "--check", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            int code = p.waitFor();
            java.nio.file.Files.deleteIfExists(file);
            return code == 0 ? "ok" : out;
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }
}
