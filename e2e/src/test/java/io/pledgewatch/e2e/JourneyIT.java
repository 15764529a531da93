package io.pledgewatch.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The whole product once, as its users meet it: delegations of several nations submit and revise, staff import
 * the published series, assessments appear, a briefing is commissioned, downloaded and read, and the schedule
 * fires on its own.
 */
class JourneyIT {

    @Test
    void theWholeJourney() throws Exception {
        try (Suite suite = Suite.start("0/3 * * * * ?")) {
            Users users = new Users(suite);

            // Delegations submit, then revise.
            assertEquals(201, users.submit("LTU", 2026, Users.submission("EUR", "89030000000", "4790000000", "1200000000", "budget law")).status());
            assertEquals(201, users.submit("POL", 2026, Users.submission("PLN", "3900000000000", "186600000000", "50000000000", "plan")).status());
            assertEquals(201, users.submit("TUR", 2026, Users.submission("TRY", "45000000000000", "1000000000000", "250000000000", "bütçe")).status());
            assertEquals(200, users.submit("LTU", 2026, Users.submission("EUR", "89030000000", "4900000000", "1300000000", "amended")).status());
            JsonNode ltu = users.awaitAssessment("LTU", 2026, 2);
            assertEquals("5.5038", ltu.get("values").get("core").asText(), "4.9 bn of 89.03 bn");

            // Staff import NATO's published series; compliance reproduces NATO's counts.
            assertEquals(200, users.importPublishedSeries().status());
            users.awaitCaughtUp();
            JsonNode y2025 = Http.get(suite.compliance.url() + "/api/v1/alliance/2025", TestTokens.staff()).json();
            assertEquals(30, y2025.get("atOrAbove2").asInt());
            assertEquals(3, y2025.get("atOrAbove3_5").asInt());
            assertEquals(18, Http.get(suite.compliance.url() + "/api/v1/alliance/2024", TestTokens.staff()).json()
                    .get("atOrAbove2").asInt());

            // A briefing commissioned by staff, downloaded and read.
            Http.Response commissioned = users.commission(Map.of());
            assertEquals(202, commissioned.status());
            JsonNode meta = users.awaitBriefing(commissioned.header("Location"), "READY");
            Http.Response pdf = Http.get(suite.report.url() + meta.get("pdf").asText(), TestTokens.staff());
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.header("Content-Type"));
            String text = text(pdf.body());
            for (Ally ally : Allies.get().all()) {
                assertTrue(text.contains(ally.name()), "briefing lacks " + ally.name());
            }
            assertTrue(text.contains("Methodology"));

            // The schedule fires by itself (every 3 s here) and its briefing becomes ready.
            await().alias("a scheduled briefing was produced").atMost(Users.PATIENCE)
                    .until(() -> Users.scheduledBriefings(suite.report.url()).stream()
                            .anyMatch(b -> b.get("status").asText().equals("READY")));
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
