package io.pledgewatch.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import io.pledgewatch.report.figures.BriefingData;
import io.pledgewatch.report.support.PdfText;
import io.pledgewatch.report.support.SyntheticData;
import org.junit.jupiter.api.Test;

/** The renderer on its own, its output parsed back with PDFBox. */
class BriefingPdfTest {

    static final BriefingPdf RENDERER = new BriefingPdf(new Typography());

    @Test
    void anAllianceBriefingHasEverySectionAndEveryNation() {
        BriefingData data = SyntheticData.alliance(32, 2014, 2025, 7);
        BriefingPdf.Rendered rendered = RENDERER.render(data);
        PdfText pdf = PdfText.of(rendered.pdf());
        assertEquals(pdf.pages(), rendered.pages(), "the page count we record is the PDF's");
        for (String section : new String[] {"Alliance briefing", "Key figures, 2025", "The Alliance table, 2025",
                "Core defence spending by nation, 2025", "Paths to 2035", "The 2% / 20% quadrant, 2025",
                "What changed since the previous briefing", "Methodology", "core% = 100 × D / G", "As of 23 November 2026"}) {
            assertTrue(pdf.text().contains(section), "missing: " + section);
        }
        for (Ally ally : Allies.get().all()) {
            assertTrue(pdf.text().contains(ally.name()), "missing nation: " + ally.name());
        }
        assertTrue(pdf.text().contains("Türkiye"), "the diacritic survives embedding");
        assertTrue(pdf.text().contains("Page 2 of " + pdf.pages()), "page numbers");
        assertEquals("Alliance briefing · 23 Nov 2026, 06:00 UTC", pdf.title());
    }

    @Test
    void figuresAppearAsComputedRoundedToTwoDecimals() {
        BriefingData data = SyntheticData.alliance(32, 2014, 2025, 7);
        PdfText pdf = PdfText.of(RENDERER.render(data).pdf());
        data.ofYear(2025).stream().filter(a -> a.assessed()).forEach(a -> assertTrue(
                pdf.text().contains(a.values().core().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()),
                a.country() + " core % missing"));
    }

    @Test
    void theOutputIsStructurallySound() {
        PdfText.assertQpdfFindsNoFault(RENDERER.render(SyntheticData.alliance(32, 2014, 2025, 3)).pdf());
    }

    @Test
    void aNationBriefingCoversThatNation() {
        BriefingData all = SyntheticData.alliance(32, 2014, 2030, 11);
        BriefingData ltu = new BriefingData("LTU", "Lithuania", all.period(), all.asOf(), all.dataCutoff(), 2025,
                null, all.ofCountry("LTU"), all.ruleSets(), all.changes(), all.snapshot());
        PdfText pdf = PdfText.of(RENDERER.render(ltu).pdf());
        assertTrue(pdf.text().contains("Lithuania (LTU)"));
        assertTrue(pdf.text().contains("Methodology"));
        assertTrue(!pdf.text().contains("Türkiye"), "another nation's data has no place in a national briefing");
    }

    @Test
    void largerDataSetsStillRender() {
        BriefingPdf.Rendered rendered = RENDERER.render(SyntheticData.alliance(128, 2014, 2025, 5));
        assertTrue(rendered.pages() > 128, "a page per nation");
    }
}
