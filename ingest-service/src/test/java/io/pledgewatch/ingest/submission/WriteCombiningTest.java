package io.pledgewatch.ingest.submission;

import static io.pledgewatch.ingest.support.SubmissionJson.aSubmission;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.ingest.support.PostgresProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Write combining: PUTs written in one transaction keep their own outcomes (a refused PUT leaves nothing behind and
 * does not stop its neighbours), take consecutive feed positions from one counter increment, and many concurrent
 * PUTs over HTTP are all stored with a feed that has no gap.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class WriteCombiningTest {

    @Inject
    SubmissionService service;

    @Inject
    FeedSequencer sequencer;

    static RevisionContent content(String total, String note) {
        BigDecimal t = new BigDecimal(total);
        return RevisionContent.amounts(Status.BUDGET, "EUR", new BigDecimal("89030000000"), t, t, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, null, note, null, null, null);
    }

    static SubmissionService.Put put(String country, int year, RevisionContent content, String ifMatch) {
        Ally ally = Allies.get().find(country).orElseThrow();
        return new SubmissionService.Put(new SubmissionService.Item(ally, year, content, Optional.ofNullable(ifMatch), true),
                "delegation:officer@" + country.toLowerCase());
    }

    long latest() {
        return QuarkusTransaction.requiringNew().call(sequencer::latest);
    }

    @Test
    void aBatchKeepsEachPutsOutcomeAndTakesConsecutivePositions() {
        RevisionContent first = content("4790000000", "first");
        service.writeCombined(List.of(put("EST", 2030, first, null), put("EST", 2031, first, null)));
        long before = latest();

        List<SubmissionService.PutResult> results = service.writeCombined(List.of(
                put("EST", 2030, content("4800000000", "revised"), "\"r1\""), // revises
                put("EST", 2031, content("4800000000", "stale"), "\"r7\""),   // stale If-Match: refused alone
                put("EST", 2032, first, null),                                // creates
                put("EST", 2033, first, "\"r1\""),                            // If-Match on nothing: refused alone
                put("LVA", 2030, first, null)));                              // creates, another nation

        assertEquals(SubmissionService.Outcome.REVISED, results.get(0).written().outcome());
        assertEquals(412, results.get(1).refused().status());
        assertNull(results.get(1).written());
        assertEquals(SubmissionService.Outcome.CREATED, results.get(2).written().outcome());
        assertEquals(412, results.get(3).refused().status());
        assertEquals(SubmissionService.Outcome.CREATED, results.get(4).written().outcome());

        // One increment of three: the written PUTs hold exactly the positions after `before`.
        assertEquals(before + 3, latest());
        Set<Long> seqs = new TreeSet<>();
        for (int i : new int[] {0, 2, 4}) {
            assertNotNull(results.get(i).written());
            seqs.add(results.get(i).written().view().seq());
        }
        assertEquals(Set.of(before + 1, before + 2, before + 3), seqs);
        // The refused PUTs left nothing: 2031 still at revision 1, 2033 never created.
        assertEquals(1, service.current("EST", 2031).orElseThrow().revision());
        assertTrue(service.current("EST", 2033).isEmpty());
    }

    @Test
    void manyConcurrentPutsAreAllStoredAndTheFeedHasNoGap() throws Exception {
        String[] nations = {"PRT", "ROU", "SVK", "SVN", "ESP", "ITA", "FRA", "BEL"};
        String[] currencies = {"EUR", "RON", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR"};
        long before = latest();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int n = 0; n < nations.length; n++) {
                for (int year = 2014; year < 2020; year++) {
                    String nation = nations[n];
                    String currency = currencies[n];
                    int y = year;
                    statuses.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(TestTokens.delegation(nation)).contentType(ContentType.JSON)
                                .body(aSubmission().withCurrency(currency).withNote("combined " + y).build())
                                .put("/api/v1/submissions/" + nation + "/" + y).statusCode();
                    }));
                }
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                // 201, or 200 where another test class imported NATO's published ratio for that year first.
                int code = status.get();
                assertTrue(code == 201 || code == 200, "status " + code);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 48, latest());
        List<Long> seqs = given().auth().oauth2(TestTokens.service()).queryParam("after", before).queryParam("limit", 100)
                .get("/api/v1/feed").then().statusCode(200).extract().jsonPath().getList("items.seq", Long.class);
        assertEquals(48, seqs.size());
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(before + 1 + i, seqs.get(i));
        }
    }
}
