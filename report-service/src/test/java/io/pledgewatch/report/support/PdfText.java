package io.pledgewatch.report.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * qpdf's structural check ({@code qpdf --check}: cross-reference table, object streams, page tree). Without qpdf
     * this fails rather than passes, so that a missing tool never reads as a sound PDF.
     */
    public static void assertQpdfFindsNoFault(byte[] pdf) {
        Outcome version = run("qpdf", "--version");
        if (version == null || version.exitCode() != 0) {
            throw new AssertionError("the PDF structure check needs qpdf, which "
                    + (version == null ? "is not installed" : "did not run: " + version.output())
                    + "; install it (apt-get install -y qpdf)");
        }
        try {
            Path file = Files.createTempFile("briefing", ".pdf");
            try {
                Files.write(file, pdf);
                Outcome check = run("qpdf", "--check", file.toString());
                if (check == null || check.exitCode() != 0) {
                    throw new AssertionError("qpdf --check finds the PDF unsound: " + (check == null ? "" : check.output()));
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Outcome(int exitCode, String output) {
    }

    /** What a command said and how it ended; null when it cannot be started (not installed). */
    private static Outcome run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Outcome(p.waitFor(), output);
        } catch (IOException notInstalled) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
