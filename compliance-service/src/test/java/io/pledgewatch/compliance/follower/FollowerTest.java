package io.pledgewatch.compliance.follower;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.compliance.assessment.AssessmentService;
import io.pledgewatch.compliance.support.Ingest;
import io.pledgewatch.compliance.support.IngestProcess;
import io.pledgewatch.compliance.support.SuiteProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SuiteProfile.class)
class FollowerTest {

    @Inject
    FeedFollower follower;

    @Inject
    IngestFeed feed;

    @Inject
    AssessmentService assessments;

    @AfterEach
    void resume() {
        IngestProcess.startIngestIfStopped();
        follower.setEnabled(true);
        follower.catchUp();
    }

    long cursor() {
        return QuarkusTransaction.requiringNew().call(follower::currentPosition);
    }

    static int revisionAssessed(String country, int year) {
        var r = given().auth().oauth2(TestTokens.staff()).get("/api/v1/assessments/" + country + "/" + year);
        return r.statusCode() == 200 ? r.jsonPath().getInt("revision") : 0;
    }

    @Test
    void aCrashMidFeedNeitherLosesNorDoubleAppliesRevisions() {
        follower.catchUp();
        follower.setEnabled(false);
        long start = cursor();
        for (int year = 2026; year <= 2035; year++) {
            Ingest.put("ROU", year, Ingest.submission("RON", "1900000000000", "45000000000", "9000000000", "0", "4.6"))
                    .then().statusCode(201);
            Ingest.put("SVK", year, Ingest.submission("EUR", "140000000000", "3000000000", "700000000", "0", "0.92"))
                    .then().statusCode(201);
            Ingest.put("SVN", year, Ingest.submission("EUR", "70000000000", "1500000000", "300000000", "0", "0.92"))
                    .then().statusCode(201);
        }
        assertEquals(0, revisionAssessed("ROU", 2026), "paused: nothing applied yet");

        FeedPage first = feed.page(start, 10);
        assertEquals(10, assessments.apply(first.items(), first.next()));
        assertEquals(first.next(), cursor());

        // A crash while the second page is being applied: its transaction never commits.
        FeedPage second = feed.page(first.next(), 10);
        QuarkusTransaction.begin();
        assessments.apply(second.items(), second.next());
        QuarkusTransaction.rollback();
        assertEquals(first.next(), cursor(), "the cursor moves only with a committed page");

        // The same page delivered again (a replica or a retry) is not applied twice.
        assertEquals(0, assessments.apply(first.items(), first.next()));

        // After the "restart" the follower resumes from its cursor and applies exactly the rest.
        follower.setEnabled(true);
        assertEquals(20, follower.catchUp());
        for (String nation : new String[] {"ROU", "SVK", "SVN"}) {
            for (int year = 2026; year <= 2035; year++) {
                assertEquals(1, revisionAssessed(nation, year), nation + " " + year);
            }
        }
    }

    @Test
    void ingestBeingDownNeitherBreaksReadsNorLosesLaterSubmissions() {
        Ingest.put("PRT", 2026, Ingest.submission("EUR", "270000000000", "5400000000", "1300000000", "0", "0.92"))
                .then().statusCode(201);
        follower.catchUp();
        assertEquals(1, revisionAssessed("PRT", 2026));

        IngestProcess.stopIngest();
        assertEquals(0, follower.catchUp(), "nothing to apply, and no exception escapes");
        assertFalse(follower.status().feedReachable());
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ingest-feed' }.data.feedReachable", org.hamcrest.Matchers.is(false));
        assertEquals(1, revisionAssessed("PRT", 2026), "assessments are still served");

        IngestProcess.startIngestIfStopped();
        Ingest.put("PRT", 2026, Ingest.submission("EUR", "270000000000", "5800000000", "1300000000", "0", "0.92"))
                .then().statusCode(200);
        // The circuit opened while ingest was away: catching up succeeds once it has closed again.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            follower.catchUp();
            return revisionAssessed("PRT", 2026) >= 2;
        });
        assertEquals(2, revisionAssessed("PRT", 2026), "caught up once ingest was back");
        assertTrue(follower.status().feedReachable());
    }

    @Test
    void aNudgeIsAnsweredByTheCatchUpItStartsAndAtOnceWhenPaused() throws Exception {
        follower.catchUp();
        follower.setEnabled(false);
        Ingest.put("HRV", 2034, Ingest.submission("EUR", "95000000000", "2200000000", "500000000", "0", "0.92"))
                .then().statusCode(201);
        follower.nudgeAnswered().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(0, revisionAssessed("HRV", 2034), "paused: answered, nothing applied");

        follower.setEnabled(true);
        // Answered only by a catch-up round (a nudge is held until one starts): without one this never completes.
        follower.nudgeAnswered().toCompletableFuture().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> revisionAssessed("HRV", 2034) >= 1);
        assertEquals(1, revisionAssessed("HRV", 2034), "the round that answered the nudge applied the revision");
    }
}
