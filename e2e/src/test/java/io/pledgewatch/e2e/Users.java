package io.pledgewatch.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.Allies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What delegations and staff do, as HTTP calls against a running {@link Suite}. */
public final class Users {

    /**
     * How long a wait may take before the test fails: long enough only to stop a test that would otherwise hang.
     * How fast things happen is the benchmark's question, never a functional test's.
     */
    public static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Suite suite;

    public Users(Suite suite) {
        this.suite = suite;
    }

    public static Map<String, Object> submission(String currency, String gdp, String total, String equipment, String note) {
        BigDecimal t = new BigDecimal(total);
        BigDecimal e = new BigDecimal(equipment);
        BigDecimal personnel = t.multiply(new BigDecimal("0.4")).setScale(0, RoundingMode.DOWN);
        BigDecimal infra = t.multiply(new BigDecimal("0.1")).setScale(0, RoundingMode.DOWN);
        Map<String, Object> defence = new LinkedHashMap<>();
        defence.put("total", t);
        defence.put("equipment", e);
        defence.put("personnel", personnel);
        defence.put("infrastructure", infra);
        defence.put("other", t.subtract(e).subtract(personnel).subtract(infra));
        defence.put("ukraineSupport", 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "BUDGET");
        body.put("currency", currency);
        body.put("gdp", new BigDecimal(gdp));
        body.put("defence", defence);
        body.put("note", note);
        return body;
    }

    /** A delegation submits, or revises with the current ETag. */
    public Http.Response submit(String country, int year, Map<String, Object> body) {
        String url = suite.ingest.url() + "/api/v1/submissions/" + country + "/" + year;
        String token = TestTokens.delegation(country);
        Http.Response current = Http.get(url, token);
        Map<String, String> headers = current.status() == 200 ? Map.of("If-Match", current.header("ETag")) : Map.of();
        return Http.putJson(url, token, body, headers);
    }

    public Http.Response importPublishedSeries() {
        String csv = String.join("\n", Allies.publishedSeriesLines()) + "\n";
        return Http.send("POST", suite.ingest.url() + "/api/v1/imports?source=NATO%20Table%203", TestTokens.staff(),
                "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public JsonNode assessment(String country, int year) {
        Http.Response r = Http.get(suite.compliance.url() + "/api/v1/assessments/" + country + "/" + year, TestTokens.staff());
        return r.status() == 200 ? r.json() : null;
    }

    /** Waits until compliance shows at least {@code revision} for (country, year). */
    public JsonNode awaitAssessment(String country, int year, int revision) {
        return await().alias(country + " " + year + " assessed from revision " + revision).atMost(PATIENCE)
                .until(() -> assessment(country, year), a -> a != null && a.get("revision").asInt() >= revision);
    }

    public long ingestFeedLatest() {
        return Http.get(suite.ingest.url() + "/api/v1/feed?limit=1", TestTokens.service()).json().get("latest").asLong();
    }

    /** Waits until compliance has applied everything ingest has published. */
    public void awaitCaughtUp() {
        awaitCaughtUp(PATIENCE.toMillis());
    }

    /** The same, for a backlog that takes longer than {@link #PATIENCE} by design (the benchmark's). */
    public void awaitCaughtUp(long timeoutMillis) {
        await().alias("compliance caught up with ingest's feed").atMost(Duration.ofMillis(timeoutMillis))
                .until(this::caughtUp);
    }

    private boolean caughtUp() {
        JsonNode health = Http.get(suite.compliance.url() + "/q/health/ready", null).json();
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals("ingest-feed") && check.get("data").get("feedReachable").asBoolean()
                    && check.get("data").get("lag").asLong() == 0
                    && check.get("data").get("latestSeen").asLong() >= ingestFeedLatest()) {
                return true;
            }
        }
        return false;
    }

    public Http.Response commission(Object body) {
        return Http.postJson(suite.report.url() + "/api/v1/briefings", TestTokens.staff(), body);
    }

    /** Waits until the briefing at {@code location} (its URL or path) has {@code status}. */
    public JsonNode awaitBriefing(String location, String status) {
        String url = location.startsWith("http") ? location : suite.report.url() + location;
        return await().alias("briefing " + location + " " + status).atMost(PATIENCE)
                .until(() -> Http.get(url, TestTokens.staff()).json(), b -> status.equals(b.get("status").asText()));
    }

    /** The briefings the schedule made, as the report-service at {@code reportUrl} lists them to staff. */
    public static List<JsonNode> scheduledBriefings(String reportUrl) {
        Http.Response r = Http.get(reportUrl + "/api/v1/briefings", TestTokens.staff());
        if (r.status() != 200) {
            throw new AssertionError("briefings not listed: " + r.status() + " " + r.text());
        }
        List<JsonNode> scheduled = new ArrayList<>();
        r.json().forEach(b -> {
            if (b.get("trigger").asText().equals("SCHEDULED")) {
                scheduled.add(b);
            }
        });
        return scheduled;
    }
}
