package io.pledgewatch.compliance.ruleset;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pledgewatch.compliance.follower.FeedFollower;
import io.pledgewatch.compliance.support.Ingest;
import io.pledgewatch.compliance.support.SuiteProfile;
import io.pledgewatch.platform.problem.Problem;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SuiteProfile.class)
class RuleSetChangeTest {

    @Inject
    FeedFollower follower;

    @Inject
    RuleSetWatch watch;

    @Inject
    RuleSetVersionRepository versions;

    @Inject
    ObjectMapper json;

    static Map<String, Object> wales(String version, double core) {
        return Map.of("id", "wales-2014", "version", version, "title", "Wales pledge (test)", "source", "test",
                "firstYear", 2014, "lastYear", 2035, "targets", List.of(
                        Map.of("target", "core", "measure", "CORE", "threshold", core, "kind", "FIXED"),
                        Map.of("target", "equipment", "measure", "EQUIPMENT", "threshold", 20.0, "kind", "FIXED")));
    }

    static JsonPath assessment() {
        return given().auth().oauth2(TestTokens.staff()).get("/api/v1/assessments/BEL/2031").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aNewRuleSetVersionRescoresHistoryAndIsRecorded() {
        Ingest.put("BEL", 2031, Ingest.submission("EUR", "600000000000", "15000000000", "3000000000", "0", null))
                .then().statusCode(201);
        follower.catchUp();
        String walesCore = "targets.find { it.ruleSet == 'wales-2014' && it.target == 'core' }.status";
        assertEquals("MET", assessment().getString(walesCore));

        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(wales("2-test", 2.6))
                .put("/api/v1/rulesets/wales-2014").then().statusCode(200).body("rescored", org.hamcrest.Matchers.greaterThan(0));
        JsonPath after = assessment();
        assertEquals("NOT_MET", after.getString(walesCore), "2.5% is below the raised threshold");
        assertEquals("2-test", after.getString("ruleSets.'wales-2014'"));

        // Versions are immutable; a malformed rule set, one put under another id and one put by a delegation are
        // refused, each as a problem naming what is wrong, and change nothing.
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(wales("2-test", 2.0))
                .put("/api/v1/rulesets/wales-2014").then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(409)).body("field", equalTo("version"));
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(wales("bad", -1))
                .put("/api/v1/rulesets/wales-2014").then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(422)).body("field", equalTo("definition"))
                .body("errors[0].message", equalTo("targets[0].threshold must be in (0, 100]"));
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(wales("5", 2.0))
                .put("/api/v1/rulesets/hague-2025").then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(422)).body("field", equalTo("id"));
        given().auth().oauth2(TestTokens.delegation("BEL")).contentType(ContentType.JSON).body(wales("3", 2.0))
                .put("/api/v1/rulesets/wales-2014").then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(403));
        assertEquals("2-test", assessment().getString("ruleSets.'wales-2014'"), "the refusals changed nothing");
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/rulesets").then().statusCode(200)
                .body("find { it.id == 'wales-2014' }.version", equalTo("2-test"))
                .body("find { it.id == 'hague-2025' }.version", equalTo("1"));

        // Back to the real pledge, as a new version.
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(wales("3-test", 2.0))
                .put("/api/v1/rulesets/wales-2014").then().statusCode(200);
        assertEquals("MET", assessment().getString(walesCore));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/rulesets").then().statusCode(200)
                .body("find { it.id == 'wales-2014' }.version", equalTo("3-test"));
    }

    @Test
    void aVersionAnotherReplicaPutInForceIsTakenUpAndHistoryRescored() throws Exception {
        Ingest.put("GRC", 2033, Ingest.submission("EUR", "240000000000", "7000000000", "1500000000", "0", null))
                .then().statusCode(201);
        follower.catchUp();
        // Another replica records a version; this one learns of it only from the database.
        RuleSetVersion v = new RuleSetVersion();
        v.id = RuleSetVersion.key("wales-2014", "5-replica");
        v.ruleSetId = "wales-2014";
        v.version = "5-replica";
        v.definition = json.writeValueAsString(wales("5-replica", 2.0));
        v.activatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        v.activatedBy = "another replica";
        QuarkusTransaction.requiringNew().run(() -> versions.persist(v));

        watch.poll();
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/rulesets").then().statusCode(200)
                .body("find { it.id == 'wales-2014' }.version", equalTo("5-replica"));
        // The scheduled poll may have taken it up first; then its re-scoring may still be committing.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.staff())
                .get("/api/v1/assessments/GRC/2033").then().statusCode(200)
                .body("ruleSets.'wales-2014'", equalTo("5-replica")));
    }

    @Test
    void staffPuttingTheSameVersionInForceTogetherGetOneSuccessAndConflicts() throws Exception {
        // Each request checks that the version is new before inserting it; those that pass the check together
        // must still end as 409 (the insert waits for the first and does nothing), never as a 500.
        int n = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                            .body(wales("4-race", 2.0)).put("/api/v1/rulesets/wales-2014").statusCode();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                codes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), "one success: " + codes);
            assertEquals(n - 1, codes.stream().filter(c -> c == 409).count(), "the others conflict: " + codes);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/rulesets").then().statusCode(200)
                .body("find { it.id == 'wales-2014' }.version", equalTo("4-race"));
    }
}
