package io.pledgewatch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.pledgewatch.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of every service against every kind of caller: no token, expired, bad signature, another
 * issuer, the nation's own delegation, another nation's delegation, staff and a service account. The expected
 * status each time, and never another nation's figures in a body.
 */
class AuthorizationMatrixIT {

    static Suite suite;
    static String briefingId;
    static final String SECRET_FIGURE = "4790000000";

    @BeforeAll
    static void start() throws Exception {
        suite = Suite.start("0 0 6 ? * MON");
        Users users = new Users(suite);
        assertEquals(201, users.submit("LTU", 2026, Users.submission("EUR", "89030000000", SECRET_FIGURE, "1200000000", "ltu")).status());
        assertEquals(201, users.submit("TUR", 2026, Users.submission("TRY", "45000000000000", "1000000000000", "250000000000", "tur")).status());
        users.awaitAssessment("LTU", 2026, 1);
        users.awaitAssessment("TUR", 2026, 1);
        Http.Response c = users.commission(Map.of());
        briefingId = users.awaitBriefing(c.header("Location"), "READY").get("id").asText();
    }

    @AfterAll
    static void stop() {
        suite.close();
    }

    static final String[] CALLERS = {"none", "expired", "badSignature", "otherIssuer", "ownDelegation", "otherDelegation", "staff", "service"};

    static String token(String caller) {
        return switch (caller) {
            case "none" -> null;
            case "expired" -> TestTokens.expired("LTU");
            case "badSignature" -> TestTokens.badSignature("LTU");
            case "otherIssuer" -> TestTokens.otherIssuer("LTU");
            case "ownDelegation" -> TestTokens.delegation("LTU");
            case "otherDelegation" -> TestTokens.delegation("TUR");
            case "staff" -> TestTokens.staff();
            case "service" -> TestTokens.service();
            default -> throw new IllegalArgumentException(caller);
        };
    }

    record Endpoint(String label, String method, String url, String contentType, String body, int[] expected) {
    }

    /** Expected statuses in the order of {@link #CALLERS}. The four bad tokens are always 401. */
    static int[] e(int own, int other, int staff, int service) {
        return new int[] {401, 401, 401, 401, own, other, staff, service};
    }

    static List<Endpoint> endpoints() {
        String i = suite.ingest.url();
        String c = suite.compliance.url();
        String r = suite.report.url();
        String body = new String(Http.bytes(Users.submission("EUR", "89030000000", SECRET_FIGURE, "1200000000", "ltu")),
                StandardCharsets.UTF_8);
        String csv = "country,year,status,defence_pct_gdp,source\nLTU,2016,ACTUAL,1.49,matrix\n";
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint("ingest GET submission", "GET", i + "/api/v1/submissions/LTU/2026", null, null, e(200, 403, 200, 403)));
        list.add(new Endpoint("ingest GET revisions", "GET", i + "/api/v1/submissions/LTU/2026/revisions", null, null, e(200, 403, 200, 403)));
        list.add(new Endpoint("ingest PUT submission (identical body)", "PUT", i + "/api/v1/submissions/LTU/2026", "application/json", body, e(200, 403, 200, 403)));
        list.add(new Endpoint("ingest GET list", "GET", i + "/api/v1/submissions?year=2026", null, null, e(200, 200, 200, 403)));
        list.add(new Endpoint("ingest GET list of another nation", "GET", i + "/api/v1/submissions?country=LTU", null, null, e(200, 403, 200, 403)));
        list.add(new Endpoint("ingest POST import", "POST", i + "/api/v1/imports", "text/csv", csv, e(403, 403, 200, 403)));
        String plan = "country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,"
                + "defence_infrastructure,defence_other\nLTU,2030,PLAN,EUR,95000000000,5000000000,1250000000,2000000000,"
                + "500000000,1250000000\n";
        list.add(new Endpoint("ingest POST import of a plan row", "POST", i + "/api/v1/imports", "text/csv", plan, e(200, 403, 200, 403)));
        list.add(new Endpoint("ingest GET feed", "GET", i + "/api/v1/feed?after=0&limit=5", null, null, e(403, 403, 200, 200)));
        list.add(new Endpoint("compliance GET assessment", "GET", c + "/api/v1/assessments/LTU/2026", null, null, e(200, 403, 200, 200)));
        list.add(new Endpoint("compliance GET list", "GET", c + "/api/v1/assessments?year=2026", null, null, e(200, 200, 200, 200)));
        list.add(new Endpoint("compliance GET list of another nation", "GET", c + "/api/v1/assessments?country=LTU", null, null, e(200, 403, 200, 200)));
        list.add(new Endpoint("compliance GET alliance", "GET", c + "/api/v1/alliance/2026", null, null, e(403, 403, 200, 200)));
        list.add(new Endpoint("compliance GET plan", "GET", c + "/api/v1/plans/LTU", null, null, e(200, 403, 200, 200)));
        list.add(new Endpoint("compliance GET plans list", "GET", c + "/api/v1/plans", null, null, e(200, 200, 200, 200)));
        list.add(new Endpoint("compliance POST plan check", "POST", c + "/api/v1/plans/LTU/check", "text/csv", plan, e(200, 403, 200, 403)));
        list.add(new Endpoint("compliance GET plan requirements", "GET", c + "/api/v1/plans/LTU/requirements?gdpGrowth=2.5", null, null, e(200, 403, 200, 200)));
        list.add(new Endpoint("compliance GET editions", "GET", c + "/api/v1/alliance/editions", null, null, e(403, 403, 200, 200)));
        list.add(new Endpoint("compliance GET alliance as of a day", "GET", c + "/api/v1/alliance/2025?asOf=2025-08-28", null, null, e(403, 403, 200, 200)));
        list.add(new Endpoint("compliance GET assessment as of a day", "GET", c + "/api/v1/assessments/LTU/2026?asOf=2026-01-01", null, null, e(404, 403, 404, 404)));
        list.add(new Endpoint("compliance GET series as of a day", "GET", c + "/api/v1/series/LTU?asOf=2026-01-01", null, null, e(200, 403, 200, 200)));
        list.add(new Endpoint("compliance GET series", "GET", c + "/api/v1/series/LTU", null, null, e(200, 403, 200, 200)));
        list.add(new Endpoint("compliance GET rulesets", "GET", c + "/api/v1/rulesets", null, null, e(200, 200, 200, 200)));
        list.add(new Endpoint("compliance PUT ruleset", "PUT", c + "/api/v1/rulesets/wales-2014", "application/json", "{}", e(403, 403, 400, 403)));
        list.add(new Endpoint("compliance POST feed signal", "POST", c + "/api/v1/feed/signal", "application/json", "", e(403, 403, 202, 202)));
        list.add(new Endpoint("report GET briefings", "GET", r + "/api/v1/briefings", null, null, e(403, 403, 200, 403)));
        list.add(new Endpoint("report GET briefing", "GET", r + "/api/v1/briefings/" + briefingId, null, null, e(403, 403, 200, 403)));
        list.add(new Endpoint("report GET pdf", "GET", r + "/api/v1/briefings/" + briefingId + "/pdf", null, null, e(403, 403, 200, 403)));
        list.add(new Endpoint("report GET latest pdf", "GET", r + "/api/v1/briefings/latest/pdf", null, null, e(403, 403, 200, 403)));
        list.add(new Endpoint("report POST briefing", "POST", r + "/api/v1/briefings", "application/json", "{\"country\":\"LTU\"}", e(403, 403, 202, 403)));
        // The console's overview: browsers without a valid session go to the login page, a delegation to its own
        // nation's page (ConsolePagesTest follows it there and finds every other nation refused); the service role is
        // refused (an HTML page, so its refusal is the 403 page, not problem+json: the "staff page" label exempts it).
        list.add(new Endpoint("report GET staff page (the overview)", "GET", r + "/", null, null, new int[] {303, 303, 303, 303, 303, 303, 200, 403}));
        return list;
    }

    @Test
    void everyCallerGetsTheExpectedStatusEverywhereAndNoOtherNationsData() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Endpoint ep : endpoints()) {
            for (int k = 0; k < CALLERS.length; k++) {
                String caller = CALLERS[k];
                byte[] body = ep.body() == null ? null : ep.body().getBytes(StandardCharsets.UTF_8);
                Http.Response r = Http.send(ep.method(), ep.url(), token(caller), ep.contentType(), body, Map.of());
                calls++;
                if (r.status() != ep.expected()[k]) {
                    wrong.add(ep.label() + " as " + caller + ": expected " + ep.expected()[k] + ", got " + r.status()
                            + " " + r.text().substring(0, Math.min(120, r.text().length())));
                }
                if (r.status() >= 400 && r.status() != 404 && !ep.label().contains("staff page") && !r.isProblem()) {
                    wrong.add(ep.label() + " as " + caller + ": a refusal without problem+json");
                }
                if (caller.equals("otherDelegation") && !ep.label().startsWith("report GET pdf")
                        && r.text().contains(SECRET_FIGURE)) {
                    wrong.add(ep.label() + " as another nation's delegation leaked LTU's figures");
                }
                if (caller.equals("otherDelegation") && ep.label().contains("list") && r.status() == 200) {
                    int own = 0;
                    for (JsonNode item : r.json()) {
                        if (item.get("country").asText().equals("TUR")) {
                            own++;
                        } else {
                            wrong.add(ep.label() + " showed " + item.get("country") + " to TUR's delegation");
                        }
                    }
                    if (own == 0) {
                        // An empty list would pass the check above whatever the filter does.
                        wrong.add(ep.label() + " showed TUR's delegation nothing, not even its own");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + calls + " calls went wrong");
        System.out.println("authorization matrix: " + calls + " calls (" + endpoints().size() + " endpoints x "
                + CALLERS.length + " callers), all as expected, no leaks");
    }

    @Test
    void aDelegationsFeedOfAssessmentsNeverIncludesAnotherNation() {
        Http.Response r = Http.get(suite.compliance.url() + "/api/v1/assessments", TestTokens.delegation("TUR"));
        assertEquals(200, r.status());
        assertFalse(r.text().contains("\"LTU\""));
        Map<String, Integer> byCountry = new LinkedHashMap<>();
        r.json().forEach(a -> byCountry.merge(a.get("country").asText(), 1, Integer::sum));
        assertEquals(List.of("TUR"), List.copyOf(byCountry.keySet()));
    }
}
