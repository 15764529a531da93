package io.pledgewatch.compliance.assessment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.compliance.follower.FeedFollower;
import io.pledgewatch.compliance.support.Ingest;
import io.pledgewatch.compliance.support.SuiteProfile;
import io.pledgewatch.platform.testing.Prometheus;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Submissions made at the real ingest-service show up here, scored, through the feed. */
@QuarkusTest
@TestProfile(SuiteProfile.class)
class AssessmentFlowTest {

    /** Only keeps a test from hanging: how soon an assessment follows its submission is the benchmark's to measure. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Scheduler scheduler;

    @Inject
    FeedFollower follower;

    static JsonPath awaitAssessment(String country, int year, int revision) {
        return await().alias(country + " " + year + " revision " + revision + " assessed").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> given().auth().oauth2(TestTokens.staff())
                                .get("/api/v1/assessments/" + country + "/" + year),
                        r -> r.statusCode() == 200 && r.jsonPath().getInt("revision") >= revision)
                .jsonPath();
    }

    @Test
    void aSubmissionIsAssessedOnIngestsNudge() {
        // No poll can run while the scheduler is paused, and the catch-up waits out one that was running: from here on
        // only ingest's nudge after its commit can have the submission assessed.
        scheduler.pause();
        try {
            follower.catchUp();
            Ingest.put("EST", 2026, Ingest.submission("EUR", "40000000000", "1360000000", "340000000", "0", "0.92"))
                    .then().statusCode(201);
            JsonPath a = awaitAssessment("EST", 2026, 1);
            assertEquals("3.4", a.getString("values.core"));
            assertTrue(a.getBoolean("assessed"));
            assertEquals("1", a.getString("ruleSets.'hague-2025'"));
        } finally {
            scheduler.resume();
        }
    }

    @Test
    void theAssessmentHasTheContractsShape() {
        Ingest.put("LTU", 2026, Ingest.submission("EUR", "89030000000", "4790000000", "1200000000", "0", "0.92"))
                .then().statusCode(201);
        JsonPath a = awaitAssessment("LTU", 2026, 1);
        assertEquals("LTU", a.getString("country"));
        assertEquals(2026, a.getInt("year"));
        assertEquals(100.0f, a.getFloat("score"));
        assertEquals(4, a.getList("targets").size());
        for (String field : new String[] {"ruleSet", "target", "value", "threshold", "path", "status", "gapToPath",
                "gapToTarget"}) {
            assertTrue(a.getList("targets." + field).stream().allMatch(v -> v != null), field);
        }
        assertEquals("EUR", a.getString("targets[0].gapToPath.currency"));
        assertEquals(a.getInt("revision"), 1);
    }

    @Test
    void aRevisionReplacesTheAssessment() {
        // 1.5% of GDP is below the Hague path in 2027 whether Latvia's 2025 baseline is known (NATO's 3.7%: the path
        // is flat at 3.5%) or not (the default 2.0%: 2.3% in 2027); 2.5% was below only when another test class had
        // imported NATO's series first, so the test failed when run alone.
        Ingest.put("LVA", 2027, Ingest.submission("EUR", "40000000000", "600000000", "180000000", "0", null))
                .then().statusCode(201);
        assertEquals("BELOW_PATH", awaitAssessment("LVA", 2027, 1).getString(
                "targets.find { it.ruleSet == 'hague-2025' && it.target == 'core' }.status"));
        Ingest.put("LVA", 2027, Ingest.submission("EUR", "40000000000", "2000000000", "500000000", "0", null))
                .then().statusCode(200);
        JsonPath a = awaitAssessment("LVA", 2027, 2);
        assertEquals("MET", a.getString("targets.find { it.ruleSet == 'hague-2025' && it.target == 'core' }.status"));
    }

    @Test
    void aNew2025BaselineRescoresTheLaterYears() {
        // NOR 2030 at 3.0% core; with a 2025 baseline of 2.0 the 2030 core path is 2.75 (ON_PATH) ...
        Ingest.put("NOR", 2025, Ingest.submission("NOK", "100000000", "2000000", "400000", "0", null)).then().statusCode(
                org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        Ingest.put("NOR", 2030, Ingest.submission("NOK", "100000000", "3000000", "600000", "0", null)).then().statusCode(201);
        JsonPath before = awaitAssessment("NOR", 2030, 1);
        String corePath = "targets.find { it.ruleSet == 'hague-2025' && it.target == 'core' }";
        assertEquals("2.75", before.getString(corePath + ".path"));
        assertEquals("ON_PATH", before.getString(corePath + ".status"));
        // ... and when 2025 is revised to 3.0, the 2030 path becomes 3.25 and the same figures fall below it.
        int rev2025 = Ingest.put("NOR", 2025, Ingest.submission("NOK", "100000000", "3000000", "600000", "0", null))
                .then().statusCode(200).extract().jsonPath().getInt("revision");
        JsonPath after = await().alias("NOR 2030 re-scored on the new 2025 baseline").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> given().auth().oauth2(TestTokens.staff()).get("/api/v1/assessments/NOR/2030").jsonPath(),
                        a -> "3.25".equals(a.getString(corePath + ".path")));
        assertEquals("BELOW_PATH", after.getString(corePath + ".status"));
        assertTrue(after.getString("baseline.source").contains("revision " + rev2025), after.getString("baseline.source"));
    }

    @Test
    void aNationWithout2025FiguresGetsTheDefaultBaseline() {
        Ingest.put("DEU", 2026, Ingest.submission("EUR", "4470000000000", "108200000000", "30000000000", "0", "0.92"))
                .then().statusCode(201);
        JsonPath a = awaitAssessment("DEU", 2026, 1);
        assertEquals(true, a.getBoolean("baseline.defaulted"));
        assertEquals("2", a.getString("baseline.core"));
    }

    @Test
    void icelandIsListedButNotAssessed() {
        Ingest.put("ISL", 2026, Ingest.submission("ISK", "4500000000000", "0", "0", "0", null)).then().statusCode(201);
        JsonPath a = awaitAssessment("ISL", 2026, 1);
        assertEquals(false, a.getBoolean("assessed"));
        assertTrue(a.getString("notAssessedReason").contains("no armed forces"));
    }

    @Test
    void aDelegationReadsOnlyItsOwnNation() {
        Ingest.put("HUN", 2026, Ingest.submission("HUF", "90000000000000", "1900000000000", "500000000000", "0", "360"))
                .then().statusCode(201);
        awaitAssessment("HUN", 2026, 1);
        given().auth().oauth2(TestTokens.delegation("HUN")).get("/api/v1/assessments/HUN/2026").then().statusCode(200);
        given().auth().oauth2(TestTokens.delegation("POL")).get("/api/v1/assessments/HUN/2026").then().statusCode(403)
                .contentType("application/problem+json").body(org.hamcrest.Matchers.not(containsString("1900000000000")));
        given().auth().oauth2(TestTokens.delegation("POL")).get("/api/v1/assessments?year=2026").then().statusCode(200)
                .body("country", everyItem(equalTo("POL")));
        given().auth().oauth2(TestTokens.delegation("POL")).get("/api/v1/assessments?country=HUN").then().statusCode(403);
        given().auth().oauth2(TestTokens.service()).get("/api/v1/assessments/HUN/2026").then().statusCode(200);
        given().get("/api/v1/assessments/HUN/2026").then().statusCode(401);
        given().auth().oauth2(TestTokens.delegation("HUN")).get("/api/v1/alliance/2026").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/assessments/XXX/2026").then().statusCode(404);
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/assessments/HUN/20x6").then().statusCode(400);
    }

    @Test
    void rulesetsAreListedWithVersions() {
        given().auth().oauth2(TestTokens.delegation("HUN")).get("/api/v1/rulesets").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems("wales-2014", "hague-2025"))
                .body("find { it.id == 'hague-2025' }.targets.threshold", org.hamcrest.Matchers.hasItems(3.5f, 5.0f));
    }

    @Test
    void healthReportsTheFeed() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'ingest-feed' }.data.feedReachable",
                is(true));
        given().get("/q/metrics").then().statusCode(200).body(containsString("pledgewatch_feed_lag"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/alliance/{year}"));
    }

    @Test
    void metricsTimeEachFeedPageAndItsFetchFromIngest() {
        Ingest.put("HRV", 2028, Ingest.submission("EUR", "90000000000", "1800000000", "400000000", "0", null))
                .then().statusCode(201);
        awaitAssessment("HRV", 2028, 1);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double fetches = Prometheus.value(metrics, "pledgewatch_feed_fetch_seconds_count");
        double pages = Prometheus.value(metrics, "pledgewatch_feed_page_seconds_count");
        assertTrue(fetches >= 1 && pages >= 1, "fetched " + fetches + ", applied " + pages);
        // Every page applied was fetched first (a fetch whose apply failed counts only as a fetch).
        assertTrue(fetches >= pages, "fetched " + fetches + ", applied " + pages);
    }
}
