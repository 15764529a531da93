package io.pledgewatch.report.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.NatoEdition;
import io.pledgewatch.report.support.ConsoleProfile;
import io.pledgewatch.report.support.UpstreamServices;
import io.pledgewatch.report.support.WebProfile;
import io.pledgewatch.report.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's pages through real HTTP, on the real ingest and compliance loaded with NATO's 2025 edition and
 * LTU/DEU/TUR's 2026 submissions (UpstreamServices). The Netherlands' plan is this class's own: uploaded, checked and
 * submitted through the page as its delegation.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsolePagesTest {

    private static final String STAFF = TestTokens.staff();

    @Test
    void staffSeeTheYearWithMostAlliesAssessedWithItsCountsAndAChartDrawnFromItsTable() {
        // As the 2026 edition stood on its day (before the delegations' 2026 submissions): its year with most rows, the
        // latest of those, and its counts, from the edition's own rows.
        NatoEdition edition = NatoEdition.DEFENCE_INVESTMENT_2014_2026;
        List<String> lines = edition.seriesLines().subList(1, edition.seriesLines().size());
        java.util.Map<String, Integer> rows = new java.util.TreeMap<>();
        for (String line : lines) {
            if (!line.split(",", -1)[3].isBlank()) {
                rows.merge(line.split(",")[1], 1, Integer::sum);
            }
        }
        int most = java.util.Collections.max(rows.values());
        String year = rows.entrySet().stream().filter(e -> e.getValue() == most).map(java.util.Map.Entry::getKey).reduce((a, b) -> b).orElseThrow();
        assertEquals("2026", year, rows.toString());
        int above2 = 0;
        int above35 = 0;
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            if (cells[1].equals(year) && !cells[3].isBlank()) {
                BigDecimal core = new BigDecimal(cells[3]);
                above2 += core.compareTo(new BigDecimal("2")) >= 0 ? 1 : 0;
                above35 += core.compareTo(new BigDecimal("3.5")) >= 0 ? 1 : 0;
            }
        }
        String page = new WebSession(STAFF).get("/?asOf=" + edition.publishedOn()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h1>The Alliance in 2026</h1>"), page);
        assertTrue(page.contains("<dt>At or above 2 % (core)</dt><dd>" + above2 + "</dd>"), page);
        assertTrue(page.contains("<dt>At or above 3.5 % (core)</dt><dd>" + above35 + "</dd>"), page);
        assertTrue(page.contains("id=\"core-chart\" data-table=\"core-table\""), "the chart names its table");
        assertTrue(page.contains("<caption>Core % and Hague % by nation, 2026, highest first</caption>"));
        assertTrue(page.contains("src=\"/webjars/uplot/dist/uPlot.iife.min.js\""), "the chart library ships with the service");
        String now = new WebSession(STAFF).get("/").then().statusCode(200).extract().asString();
        assertTrue(now.contains("NATO edition: NATO, " + edition.title()), "says where figures come from: " + now);
        given().get("/webjars/uplot/dist/uPlot.iife.min.js").then().statusCode(200).body(containsString("uPlot"));
        given().get("/console/charts.js").then().statusCode(200);
    }

    @Test
    void aChosenYearShowsWhoReportedAndSaysNotReportedForTheRest() {
        String page = new WebSession(STAFF).get("/?year=2026").then().statusCode(200).extract().asString();
        // LTU 2026: 4,790,000,000 / 89,030,000,000 = 5.3802 % of GDP, sent by its delegation.
        assertTrue(page.contains("<a href=\"/nations/LTU\">Lithuania</a></th>\n          <td data-value=\"5.3802\">5.38 %</td>"), page);
        assertTrue(page.contains("delegation submission"));
        // 2027: nobody has sent figures, and NATO's editions end in 2026.
        String later = new WebSession(STAFF).get("/?year=2027").then().statusCode(200).extract().asString();
        assertTrue(later.contains("<a href=\"/nations/ALB\">Albania</a></th>\n          <td data-value=\"\">not reported</td>"), later);
        new WebSession(STAFF).get("/?year=1999&asOf=yesterday").then().statusCode(200)
                .body(allOf(containsString("The year must be one of 2014–2035"), containsString("The Alliance in 2026")));
    }

    @Test
    void aNationPageShowsItsSeriesTargetsAndPlan() {
        String page = new WebSession(STAFF).get("/nations/LTU?year=2026").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<th scope=\"row\" data-value=\"2026\">2026</th><td data-value=\"5.3802\">5.38 %</td>"), page);
        assertTrue(page.contains("<th scope=\"row\" data-value=\"2035\">2035</th><td data-value=\"\">not reported</td>"), page);
        assertTrue(page.contains("<caption>Every target's status in 2026</caption>"));
        // Only 2026 of 2026–2035 has figures: not complete, so not credible.
        assertTrue(page.contains("id=\"plan-verdict\" class=\"verdict bad\">Not credible"), page);
        assertTrue(page.contains("id=\"plan-shortfall\""), page);
        assertTrue(!page.contains("id=\"plan-form\""), "staff get no delegation's plan form");
    }

    @Test
    void aDelegationSignsInForItsNationAndSeesNoOtherPage() {
        WebSession anonymous = new WebSession(null);
        anonymous.get("/login").then().statusCode(200).body(containsString("id=\"delegation-login\""));
        anonymous.form().formParam("csrf-token", anonymous.csrfField()).formParam("country", "LTU")
                .formParam("password", WebProfile.PASSWORD).post("/login/delegation")
                .then().statusCode(303).header("Location", endsWith("/login?error=password"));
        Response in = anonymous.form().formParam("csrf-token", anonymous.csrfField()).formParam("country", "LTU")
                .formParam("password", WebProfile.DELEGATION_PASSWORD).post("/login/delegation");
        assertEquals(303, in.statusCode());
        assertTrue(in.getHeader("Location").endsWith("/nations/LTU"));
        String token = in.getCookie("pw_session");

        // The session is a delegation token for LTU like the API's: ingest and compliance take it as such.
        given().baseUri(UpstreamServices.compliance().url()).auth().oauth2(token).get("/api/v1/plans/LTU").then().statusCode(200);
        given().baseUri(UpstreamServices.compliance().url()).auth().oauth2(token).get("/api/v1/plans/DEU").then().statusCode(403);

        WebSession ltu = new WebSession(token);
        ltu.get("/nations/LTU").then().statusCode(200).body(allOf(containsString("id=\"plan-form\""), containsString("LTU: my nation")));
        for (String other : List.of("/nations/DEU", "/nations/deu", "/plans", "/briefings")) {
            ltu.get(other).then().statusCode(403).body(allOf(containsString("Not permitted"), not(containsString("Germany</h1>")),
                    not(containsString("id=\"series-table\""))));
        }
        ltu.get("/").then().statusCode(303).header("Location", endsWith("/nations/LTU"));
        ltu.form().formParam("csrf-token", ltu.csrfField()).formParam("country", "").post("/web/briefings").then().statusCode(403);
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndDoesNothing() {
        int before = given().auth().oauth2(STAFF).get("/api/v1/briefings").then().statusCode(200).extract().jsonPath().getList("$").size();
        given().redirects().follow(false).cookie("pw_session", STAFF).formParam("country", "").post("/web/briefings")
                .then().statusCode(400);
        WebSession staff = new WebSession(STAFF);
        staff.get("/briefings");
        staff.form().formParam("csrf-token", "forged-" + staff.csrfField()).formParam("country", "").post("/web/briefings")
                .then().statusCode(400);
        assertEquals(before, given().auth().oauth2(STAFF).get("/api/v1/briefings").then().extract().jsonPath().getList("$").size());
    }

    @Test
    void aDelegationChecksAPlanWithADipThenSubmitsTheFixedOneAndOnlyThatIsStored() {
        WebSession nld = new WebSession(TestTokens.delegation("NLD"));
        nld.get("/nations/NLD").then().statusCode(200);
        int revisionsBefore = revisions2029();

        String dip = plan(2029);
        String checked = nld.form().multiPart("csrf-token", nld.csrfField()).multiPart("action", "check")
                .multiPart("file", "plan.csv", dip.getBytes(), "text/csv").post("/nations/NLD/plan")
                .then().statusCode(200).extract().asString();
        // 2029 at 3 % after 4 % in 2028: the first year that fails, on the incremental check.
        assertTrue(checked.contains("id=\"check-verdict\" class=\"verdict bad\">Not credible"), checked);
        assertTrue(checked.contains("<strong>First shortfall, 2029:</strong>"), checked);
        assertEquals(revisionsBefore, revisions2029(), "a check stores nothing");

        String fixed = plan(0);
        String ok = nld.form().multiPart("csrf-token", nld.csrfField()).multiPart("action", "check")
                .multiPart("file", "plan.csv", fixed.getBytes(), "text/csv").post("/nations/NLD/plan")
                .then().statusCode(200).extract().asString();
        assertTrue(ok.contains("id=\"check-verdict\" class=\"verdict ok\">Credible"), ok);
        assertEquals(revisionsBefore, revisions2029());

        nld.form().multiPart("csrf-token", nld.csrfField()).multiPart("action", "submit").multiPart("csv", fixed)
                .post("/nations/NLD/plan").then().statusCode(303).header("Location", endsWith("/nations/NLD?submitted=10"));
        assertEquals(revisionsBefore + 1, revisions2029());
        List<Object> submittedBy = given().baseUri(UpstreamServices.ingest().url()).auth().oauth2(STAFF)
                .get("/api/v1/submissions/NLD/2029/revisions").then().extract().jsonPath().getList("submittedBy");
        assertEquals("delegation:officer@nld", submittedBy.getLast(), "stored as the delegation");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                nld.get("/nations/NLD").then().statusCode(200).body(containsString("id=\"plan-verdict\" class=\"verdict ok\">Credible")));
    }

    @Test
    void aRefusedPlanShowsTheImportsReasonsAndStoresNothing() {
        WebSession nld = new WebSession(TestTokens.delegation("NLD"));
        nld.get("/nations/NLD");
        String refused = nld.form().multiPart("csrf-token", nld.csrfField()).multiPart("action", "submit")
                .multiPart("csv", plan(0).replace("NLD,2030", "DEU,2030")).post("/nations/NLD/plan")
                .then().statusCode(403).extract().asString();
        assertTrue(refused.contains("id=\"plan-problem\""), refused);
        nld.form().multiPart("csrf-token", nld.csrfField()).multiPart("action", "check").multiPart("csv", " ")
                .post("/nations/NLD/plan").then().statusCode(400).body(containsString("Choose a CSV file"));
    }

    /** NLD's plan 2026–2035: GDP EUR 1,000 bn, core 4 % and 1.5 % related every year, or 3 % core in {@code dipYear}. */
    static String plan(int dipYear) {
        List<String> lines = new ArrayList<>(List.of("country,year,status,currency,gdp,defence_total,defence_equipment,"
                + "defence_personnel,defence_infrastructure,defence_other,related_critical_infrastructure"));
        for (int year = 2026; year <= 2035; year++) {
            lines.add(year == dipYear ? "NLD," + year + ",PLAN,EUR,1000000000000,30000000000,7500000000,11250000000,3750000000,7500000000,15000000000"
                    : "NLD," + year + ",PLAN,EUR,1000000000000,40000000000,10000000000,15000000000,5000000000,10000000000,15000000000");
        }
        return String.join("\n", lines) + "\n";
    }

    private static int revisions2029() {
        Response r = given().baseUri(UpstreamServices.ingest().url()).auth().oauth2(STAFF).get("/api/v1/submissions/NLD/2029/revisions");
        return r.statusCode() == 404 ? 0 : r.then().statusCode(200).extract().jsonPath().getList("$").size();
    }
}
