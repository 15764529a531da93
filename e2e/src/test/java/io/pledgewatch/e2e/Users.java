package io.pledgewatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.Allies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What delegations and staff do, as HTTP calls against a running {@link Suite}. */
public final class Users {

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
    public JsonNode awaitAssessment(String country, int year, int revision, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            JsonNode a = assessment(country, year);
            if (a != null && a.get("revision").asInt() >= revision) {
                return a;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(country + " " + year + " revision " + revision + " not assessed in time: " + a);
            }
            Thread.sleep(25);
        }
    }

    public long ingestFeedLatest() {
        return Http.get(suite.ingest.url() + "/api/v1/feed?limit=1", TestTokens.service()).json().get("latest").asLong();
    }

    /** Waits until compliance has applied everything ingest has published. */
    public void awaitCaughtUp(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            JsonNode health = Http.get(suite.compliance.url() + "/q/health/ready", null).json();
            for (JsonNode check : health.get("checks")) {
                if (check.get("name").asText().equals("ingest-feed") && check.get("data").get("feedReachable").asBoolean()
                        && check.get("data").get("lag").asLong() == 0
                        && check.get("data").get("latestSeen").asLong() >= ingestFeedLatest()) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("compliance did not catch up with ingest's feed");
    }

    public Http.Response commission(Object body) {
        return Http.postJson(suite.report.url() + "/api/v1/briefings", TestTokens.staff(), body);
    }

    public JsonNode awaitBriefing(String location, String status, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            last = Http.get(location.startsWith("http") ? location : suite.report.url() + location, TestTokens.staff()).json();
            if (status.equals(last.get("status").asText())) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("briefing " + location + " not " + status + ": " + last);
    }
}
