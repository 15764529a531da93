package io.pledgewatch.ingest.feed;

import static io.pledgewatch.ingest.support.SubmissionJson.aSubmission;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.ingest.submission.FeedSequencer;
import io.pledgewatch.ingest.support.PostgresProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.StatelessSession;
import org.hibernate.type.StandardBasicTypes;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class FeedTest {

    static final String SERVICE = TestTokens.service();

    @Inject
    FeedSequencer sequencer;

    /** The session the sequencer uses: in the same transaction, the same database connection. */
    @Inject
    StatelessSession session;

    static JsonPath page(long after, int limit) {
        return given().auth().oauth2(SERVICE).queryParam("after", after).queryParam("limit", limit)
                .get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
    }

    static long latest() {
        return page(0, 1).getLong("latest");
    }

    @Test
    void theFeedCarriesEveryRevisionInOrderWithItsFigures() {
        long start = latest();
        String pol = TestTokens.delegation("POL");
        given().auth().oauth2(pol).contentType(ContentType.JSON)
                .body(aSubmission().withCurrency("PLN").withGdp("3900000000000").withTotal("186600000000").build())
                .put("/api/v1/submissions/POL/2026").then().statusCode(201);
        given().auth().oauth2(pol).contentType(ContentType.JSON).header("If-Match", "\"r1\"")
                .body(aSubmission().withCurrency("PLN").withGdp("3900000000000").withTotal("190000000000").build())
                .put("/api/v1/submissions/POL/2026").then().statusCode(200);
        JsonPath feed = page(start, 1000);
        List<Integer> polRevisions = feed.getList("items.findAll { it.country == 'POL' && it.year == 2026 }.revision");
        assertEquals(List.of(1, 2), polRevisions);
        assertEquals(190000000000L, feed.getLong("items.find { it.country == 'POL' && it.revision == 2 }.defence.total"));
    }

    @Test
    void pagingFollowsNextUntilNothingIsLeft() {
        long start = latest();
        String den = TestTokens.delegation("DNK");
        for (int year = 2026; year <= 2030; year++) {
            given().auth().oauth2(den).contentType(ContentType.JSON).body(aSubmission().withCurrency("DKK").build())
                    .put("/api/v1/submissions/DNK/" + year).then().statusCode(201);
        }
        List<Integer> years = new ArrayList<>();
        long after = start;
        boolean more = true;
        while (more) {
            JsonPath p = page(after, 2);
            years.addAll(p.getList("items.findAll { it.country == 'DNK' }.year"));
            after = p.getLong("next");
            more = p.getBoolean("hasMore");
        }
        assertEquals(List.of(2026, 2027, 2028, 2029, 2030), years);
    }

    @Test
    void badFeedParametersAreProblems() {
        given().auth().oauth2(SERVICE).queryParam("after", "x").get("/api/v1/feed").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("after"));
        given().auth().oauth2(SERVICE).queryParam("limit", 5000).get("/api/v1/feed").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        given().auth().oauth2(SERVICE).queryParam("after", -1).get("/api/v1/feed").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("after"));
    }

    /**
     * The guarantee itself: while one transaction holds a feed position uncommitted, a second writer cannot
     * commit a later one, so a reader can never see the later position first and skip the earlier. The second writer
     * is seen waiting in PostgreSQL for the lock the first one holds, not presumed to wait after a pause.
     */
    @Test
    void aLaterWriterCannotOvertakeAnUncommittedPosition() throws Exception {
        CompletableFuture<Integer> holder = new CompletableFuture<>();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
                long seq = sequencer.reserve(1);
                holder.complete((Integer) session.createNativeQuery("select pg_backend_pid() as pid")
                        .addScalar("pid", StandardBasicTypes.INTEGER).getSingleResult());
                release.await(60, TimeUnit.SECONDS);
                return seq;
            }), pool);
            int slowBackend = holder.get(10, TimeUnit.SECONDS);
            CompletableFuture<Long> fast = CompletableFuture.supplyAsync(() -> given().auth().oauth2(TestTokens.delegation("CZE"))
                    .contentType(ContentType.JSON).body(aSubmission().withCurrency("CZK").build())
                    .put("/api/v1/submissions/CZE/2026").then().statusCode(201).extract().jsonPath().getLong("seq"), pool);
            await().atMost(Duration.ofSeconds(30)).until(() -> backendsBlockedBy(slowBackend) > 0);
            assertFalse(fast.isDone(), "a later writer committed while an earlier position was still open");
            release.countDown();
            long slowSeq = slow.get(10, TimeUnit.SECONDS);
            long fastSeq = fast.get(10, TimeUnit.SECONDS);
            assertTrue(fastSeq > slowSeq, "positions are handed out in commit order");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** How many database sessions wait for a lock that {@code backend} holds. */
    private long backendsBlockedBy(int backend) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) session.createNativeQuery(
                        "select count(*) as blocked from pg_stat_activity where :backend = any(pg_blocking_pids(pid))")
                .addScalar("blocked", StandardBasicTypes.LONG)
                .setParameter("backend", backend)
                .getSingleResult()).longValue());
    }

    @Test
    void aReaderFollowingDuringConcurrentWritesSeesEveryRevisionExactlyOnce() throws Exception {
        long start = latest();
        String[] nations = {"PRT", "ROU", "SVK", "SVN", "ESP", "ITA", "FRA", "BEL"};
        String[] currencies = {"EUR", "RON", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR"};
        List<Long> written = Collections.synchronizedList(new ArrayList<>());
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(nations.length + 1);
        try {
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                long after = start;
                while (true) {
                    boolean stillWriting = writing.get();
                    JsonPath p = page(after, 7);
                    List<Long> seqs = p.getList("items.seq", Long.class);
                    seen.addAll(seqs);
                    after = p.getLong("next");
                    if (!stillWriting && !p.getBoolean("hasMore")) {
                        return;
                    }
                }
            }, pool);
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < nations.length; w++) {
                String nation = nations[w];
                String currency = currencies[w];
                String token = TestTokens.delegation(nation);
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int year = 2026; year <= 2035; year++) {
                        written.add(given().auth().oauth2(token).contentType(ContentType.JSON)
                                .body(aSubmission().withCurrency(currency).withNote("feed race").build())
                                .put("/api/v1/submissions/" + nation + "/" + year).then().statusCode(201)
                                .extract().jsonPath().getLong("seq"));
                    }
                }, pool));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            writing.set(false);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(seen);
        Collections.sort(sorted);
        assertEquals(sorted, seen, "the feed is read in ascending order");
        assertEquals(seen.size(), new TreeSet<>(seen).size(), "no revision is delivered twice");
        Set<Long> seenSet = new TreeSet<>(seen);
        assertTrue(seenSet.containsAll(written), "every accepted revision reached the reader");
        assertEquals(80, written.size());
    }
}
