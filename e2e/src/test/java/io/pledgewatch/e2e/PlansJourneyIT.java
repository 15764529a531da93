package io.pledgewatch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pledgewatch.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Hague annual plan as a delegation and staff meet it: Norway imports its ten-year plan at once, reads a credible
 * verdict, revises one year so that core spending falls, and the next briefing's plans page says the plan is no
 * longer credible and why (the PDF parsed back).
 */
class PlansJourneyIT {

    static final long GDP = 5_000_000_000_000L;

    /** Core 3.6% every year; related rising 0.16 points a year; every optional input given. */
    static String plan() {
        String header = "country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,"
                + "defence_infrastructure,defence_other,related_critical_infrastructure,usd_rate,population,"
                + "military_personnel,price_index";
        return header + "\n" + IntStream.rangeClosed(2026, 2035).mapToObj(y -> {
            long d = GDP * 36 / 1000;
            long eq = d * 30 / 100;
            long pe = d * 35 / 100;
            long inf = d / 10;
            return String.join(",", "NOR", String.valueOf(y), "PLAN", "NOK", String.valueOf(GDP), String.valueOf(d),
                    String.valueOf(eq), String.valueOf(pe), String.valueOf(inf), String.valueOf(d - eq - pe - inf),
                    String.valueOf(GDP * 16 * (y - 2025) / 10_000), "10.5", "5600000", "25000", String.valueOf(130 + y - 2026));
        }).collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void aPlanThatStopsBeingCredibleIsSoInTheNextBriefing() throws Exception {
        try (Suite suite = Suite.start("0 0 6 ? * MON")) {
            Users users = new Users(suite);
            String nor = TestTokens.delegation("NOR");
            assertEquals(200, users.importPublishedSeries().status());
            Http.Response imported = Http.send("POST", suite.ingest.url() + "/api/v1/imports", nor, "text/csv",
                    plan().getBytes(StandardCharsets.UTF_8), Map.of());
            assertEquals(200, imported.status(), imported.text());
            assertEquals(10, imported.json().get("rows").asInt());
            users.awaitCaughtUp();

            JsonNode verdict = Http.get(suite.compliance.url() + "/api/v1/plans/NOR", nor).json();
            assertTrue(verdict.get("credible").asBoolean(), verdict.toString());
            assertEquals(403, Http.get(suite.compliance.url() + "/api/v1/plans/NOR", TestTokens.delegation("SWE")).status());
            JsonNode y2027 = users.assessment("NOR", 2027);
            assertEquals("35", y2027.get("measures").get("shares").get("personnel").asText());
            assertFalse(y2027.get("measures").get("realChange").isNull(), "both years carry a price index");

            // 2031: core falls from 3.60% to 3.55% of GDP.
            Map<String, Object> revised = Users.submission("NOK", String.valueOf(GDP), String.valueOf(GDP * 355 / 10_000),
                    String.valueOf(GDP * 355 / 10_000 * 30 / 100), "a cut in 2031");
            assertEquals(200, users.submit("NOR", 2031, revised).status());
            users.awaitCaughtUp();
            JsonNode broken = Http.get(suite.compliance.url() + "/api/v1/plans/NOR", nor).json();
            assertFalse(broken.get("credible").asBoolean());
            assertEquals(2031, broken.get("firstShortfall").get("year").asInt());

            Http.Response commissioned = users.commission(Map.of());
            JsonNode meta = users.awaitBriefing(commissioned.header("Location"), "READY");
            String text = JourneyIT.text(Http.get(suite.report.url() + meta.get("pdf").asText(), TestTokens.staff()).body());
            int page = text.indexOf("The Hague annual plans, 2026–2035");
            assertTrue(page > 0, "the briefing has a plans page");
            String norway = text.substring(text.indexOf("Norway", page), text.indexOf("\n", text.indexOf("Norway", page) + 8));
            assertTrue(norway.contains("not credible"), norway);
            assertTrue(text.contains("Core defence spending falls from 3.60% of GDP in 2030 to 3.55% in 2031"),
                    "the first shortfall, in words");
        }
    }
}
