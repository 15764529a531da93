package io.pledgewatch.compliance.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.compliance.follower.FeedFollower;
import io.pledgewatch.compliance.support.Ingest;
import io.pledgewatch.compliance.support.IngestProcess;
import io.pledgewatch.compliance.support.SuiteProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans, series and the measures through real HTTP, following a real ingest-service: delegations import their plans
 * there, this service judges them. The role × nation matrix of the new endpoints is checked here too.
 */
@QuarkusTest
@TestProfile(SuiteProfile.class)
class PlansAndSeriesTest {

    static final String HEADER = "country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,"
            + "defence_infrastructure,defence_other,defence_ukraine_support,related_critical_infrastructure,usd_rate,"
            + "population,military_personnel,price_index";

    @Inject
    FeedFollower follower;

    /** core% and related% of a 1,000 bn GDP; D split 30/35/10/25; price index 120 + 2 a year. */
    static String row(String country, String currency, int year, double core, double related) {
        long gdp = 1_000_000_000_000L;
        long d = Math.round(gdp * core / 100);
        long eq = Math.round(d * 0.30);
        long pe = Math.round(d * 0.35);
        long inf = Math.round(d * 0.10);
        return String.join(",", country, String.valueOf(year), "PLAN", currency, String.valueOf(gdp), String.valueOf(d),
                String.valueOf(eq), String.valueOf(pe), String.valueOf(inf), String.valueOf(d - eq - pe - inf),
                String.valueOf(d / 100), String.valueOf(Math.round(gdp * related / 100)), "0.5", "10000000", "30000",
                String.valueOf(120 + 2 * (year - 2025)));
    }

    static String plan(String country, String currency, double core, double relatedStep) {
        return HEADER + "\n" + IntStream.rangeClosed(2025, 2035).mapToObj(y -> row(country, currency, y, core,
                relatedStep * (y - 2025))).collect(Collectors.joining("\n")) + "\n";
    }

    static void importAs(String country, String csv) {
        given().baseUri(IngestProcess.ingestUrl()).auth().oauth2(TestTokens.delegation(country)).contentType("text/csv")
                .body(csv).post("/api/v1/imports").then().statusCode(200);
    }

    static JsonPath plan(String token, String country) {
        return given().auth().oauth2(token).get("/api/v1/plans/" + country).then().statusCode(200).extract().jsonPath();
    }

    @BeforeEach
    void caughtUp() {
        follower.catchUp();
    }

    @Test
    void aDelegationsImportedPlanIsJudgedAndARevisedYearBreaksIt() {
        importAs("CAN", plan("CAN", "CAD", 3.6, 0.16));
        follower.catchUp();
        JsonPath p = plan(TestTokens.delegation("CAN"), "CAN");
        assertEquals(true, p.getBoolean("credible"), p.prettify());
        assertEquals(Map.of("complete", true, "incremental", true, "onPath", true, "reaches2035", true), p.getMap("checks"));
        assertEquals(10, p.getList("years").size());
        assertNull(p.get("firstShortfall"));

        Ingest.put("CAN", 2031, Ingest.submission("CAD", "1000000000000", "35500000000", "10000000000", "9600000000", "0.5"))
                .then().statusCode(200);
        follower.catchUp();
        JsonPath broken = plan(TestTokens.staff(), "CAN");
        assertEquals(false, broken.getBoolean("credible"));
        assertEquals(2031, broken.getInt("firstShortfall.year"));
        assertEquals("incremental", broken.getString("firstShortfall.check"));
        assertTrue(broken.getString("firstShortfall.detail").contains("falls from 3.60% of GDP in 2030 to 3.55% in 2031"),
                broken.getString("firstShortfall.detail"));
    }

    @Test
    void theAssessmentCarriesTheMeasuresAndRealChangeFollowsThePreviousYear() {
        importAs("NLD", plan("NLD", "EUR", 2.0, 0.0));
        follower.catchUp();
        JsonPath a = given().auth().oauth2(TestTokens.delegation("NLD")).get("/api/v1/assessments/NLD/2027")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("30", a.getString("measures.shares.equipment"));
        assertEquals("35", a.getString("measures.shares.personnel"));
        assertEquals("1", a.getString("measures.ukraine.pctOfDefence"));
        assertEquals("40000000000", a.getString("measures.usd.defence"), "20 bn EUR at 0.5 per USD");
        assertEquals(4000.0, a.getDouble("measures.perCapitaUsd"), 0.001, "40 bn USD for 10 m residents");
        // constant: 20 bn × 100 / 124 and / 126 the year after: real change 100 × (124 / 126 − 1) = −1.5873%
        assertEquals("-1.5873", given().auth().oauth2(TestTokens.staff()).get("/api/v1/assessments/NLD/2028")
                .then().extract().jsonPath().getString("measures.realChange"));
        // 2027's figures change: 2028's real change is re-scored with them (D 2027 now 19 bn: 124 × 20 / (126 × 19) − 1)
        Ingest.put("NLD", 2027, Ingest.submission("EUR", "1000000000000", "19000000000", "5700000000", "0", "0.5"))
                .then().statusCode(200);
        follower.catchUp();
        JsonPath y2028 = given().auth().oauth2(TestTokens.staff()).get("/api/v1/assessments/NLD/2028").then().extract().jsonPath();
        assertNull(y2028.get("measures.realChange"), "2027 now lacks a price index (a plain PUT carries none)");
        assertTrue(y2028.getList("measures.missing").contains("2027 amounts with priceIndex"));
    }

    @Test
    void theSeriesGivesEveryYearOldestFirst() {
        importAs("DNK", plan("DNK", "DKK", 2.5, 0.1));
        follower.catchUp();
        JsonPath s = given().auth().oauth2(TestTokens.delegation("DNK")).get("/api/v1/series/DNK").then().statusCode(200)
                .extract().jsonPath();
        List<Integer> years = s.getList("years.year");
        assertEquals(years.stream().sorted().toList(), years, "oldest first");
        assertEquals(IntStream.rangeClosed(2025, 2035).boxed().toList(), years.subList(years.size() - 11, years.size()),
                "the plan's years, after the published history other tests imported");
        assertEquals("2.5", s.getString("years.find { it.year == 2026 }.core"));
        assertEquals("2.6", s.getString("years.find { it.year == 2026 }.hague"));
        assertEquals("30", s.getString("years.find { it.year == 2026 }.shares.equipment"));
        assertNull(s.get("years.find { it.year == 2025 }.realChange"), "2024 is a published ratio: no amounts");
        assertEquals("-1.6393", s.getString("years.find { it.year == 2026 }.realChange"), "100 × (120 / 122 − 1)");
    }

    @Test
    void delegationsReadOnlyTheirOwnPlanAndSeries() {
        importAs("ITA", plan("ITA", "EUR", 1.6, 0.0));
        follower.catchUp();
        String ita = TestTokens.delegation("ITA");
        String gbr = TestTokens.delegation("GBR");
        given().auth().oauth2(gbr).get("/api/v1/plans/ITA").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(gbr).get("/api/v1/series/ITA").then().statusCode(403);
        given().auth().oauth2(TestTokens.service()).get("/api/v1/plans/ITA").then().statusCode(200);
        given().auth().oauth2(TestTokens.service()).get("/api/v1/series/ITA").then().statusCode(200);
        given().get("/api/v1/plans/ITA").then().statusCode(401);
        given().auth().oauth2(ita).get("/api/v1/plans").then().statusCode(200)
                .body("country", everyItem(equalTo("ITA"))).body("size()", equalTo(1));
        given().auth().oauth2(TestTokens.staff()).queryParam("credible", "false").get("/api/v1/plans").then().statusCode(200)
                .body("country", hasItem("ITA")).body("credible", everyItem(equalTo(false)));
        given().auth().oauth2(TestTokens.staff()).queryParam("credible", "true").get("/api/v1/plans").then().statusCode(200)
                .body("country", not(hasItem("ITA")));
        given().auth().oauth2(TestTokens.staff()).queryParam("credible", "maybe").get("/api/v1/plans").then().statusCode(400)
                .body("field", equalTo("credible"));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/plans/ISL").then().statusCode(404);
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/plans/XXX").then().statusCode(404);
    }

    @Test
    void theAllianceAddsTotalsCoverageAndPlans() {
        importAs("TUR", plan("TUR", "TRY", 2.2, 0.0));
        follower.catchUp();
        // Türkiye's 2026 amounts carry a USD rate, and its plan (2.2% throughout) is not credible.
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/alliance/2026").then().statusCode(200)
                .body("totals.alliance.nations", greaterThanOrEqualTo(1))
                .body("totals.europeCanada.defenceUsd", not(nullValue()))
                .body("coverage.withAmounts", greaterThanOrEqualTo(1))
                .body("plans.notCredible", greaterThanOrEqualTo(1))
                .body("plans.credible", not(nullValue())).body("plans.none", not(nullValue()));
        given().auth().oauth2(TestTokens.delegation("TUR")).get("/api/v1/alliance/2026").then().statusCode(403);
    }
}
