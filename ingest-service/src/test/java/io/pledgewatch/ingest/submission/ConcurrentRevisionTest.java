package io.pledgewatch.ingest.submission;

import static io.pledgewatch.ingest.support.SubmissionJson.aSubmission;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pledgewatch.ingest.support.PostgresProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class ConcurrentRevisionTest {

    static final String LVA = TestTokens.delegation("LVA");

    private static Map<Integer, Long> race(int writers, Function<Integer, Integer> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return write.apply(n);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyRevisionsWithTheSameEtagLetExactlyOneWin() throws Exception {
        given().auth().oauth2(LVA).contentType(ContentType.JSON).body(aSubmission().build())
                .put("/api/v1/submissions/LVA/2026").then().statusCode(201);
        Map<Integer, Long> statuses = race(50, n -> given().auth().oauth2(LVA).contentType(ContentType.JSON)
                .header("If-Match", "\"r1\"").body(aSubmission().withNote("writer " + n).build())
                .put("/api/v1/submissions/LVA/2026").statusCode());
        assertEquals(Map.of(200, 1L, 412, 49L), statuses);
        given().auth().oauth2(LVA).get("/api/v1/submissions/LVA/2026/revisions").then().statusCode(200)
                .body("$", hasSize(2)).body("revision", org.hamcrest.Matchers.contains(1, 2));
    }

    @Test
    void concurrentFirstSubmissionsCreateExactlyOneAndTheRestMustRevise() throws Exception {
        Map<Integer, Long> statuses = race(20, n -> given().auth().oauth2(LVA).contentType(ContentType.JSON)
                .body(aSubmission().withNote("first " + n).build())
                .put("/api/v1/submissions/LVA/2027").statusCode());
        assertEquals(Map.of(201, 1L, 428, 19L), statuses);
        given().auth().oauth2(LVA).get("/api/v1/submissions/LVA/2027/revisions").then().statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void concurrentIdenticalRetriesStoreOneRevision() throws Exception {
        Map<String, Object> body = aSubmission().withNote("same").build();
        Map<Integer, Long> statuses = race(20, n -> given().auth().oauth2(LVA).contentType(ContentType.JSON)
                .body(body).put("/api/v1/submissions/LVA/2028").statusCode());
        assertEquals(Map.of(201, 1L, 200, 19L), statuses);
        given().auth().oauth2(LVA).get("/api/v1/submissions/LVA/2028/revisions").then().statusCode(200)
                .body("$", hasSize(1));
    }

    /**
     * Staff series that repeat keys, sent at the same time: every row of every import lands, each key's revisions are
     * numbered without a gap, and each import's editions of a key keep its file's order.
     */
    @Test
    void concurrentSeriesRepeatingKeysLoseNoRevision() throws Exception {
        int writers = 4;
        int editions = 3;
        Map<Integer, Long> statuses = race(writers, n -> {
            StringBuilder csv = new StringBuilder("country,year,status,currency,gdp,defence_total,defence_equipment,"
                    + "defence_personnel,defence_infrastructure,defence_other,note\n");
            for (int e = 0; e < editions; e++) {
                for (int year : new int[] {2034, 2035}) {
                    long other = 1_000_000L * (n * editions + e + 1);
                    csv.append("NOR,").append(year).append(",PLAN,NOK,1000000000000,").append(9_000_000_000L + other)
                            .append(",3000000000,4000000000,2000000000,").append(other)
                            .append(",writer ").append(n).append(" edition ").append(e).append('\n');
                }
            }
            return given().auth().oauth2(TestTokens.staff()).contentType("text/csv").body(csv.toString())
                    .post("/api/v1/imports").statusCode();
        });
        assertEquals(Map.of(200, (long) writers), statuses);
        for (int year : new int[] {2034, 2035}) {
            var history = given().auth().oauth2(TestTokens.staff()).get("/api/v1/submissions/NOR/" + year + "/revisions")
                    .then().statusCode(200).extract().jsonPath();
            List<Integer> revisions = history.getList("revision");
            assertEquals(java.util.stream.IntStream.rangeClosed(1, writers * editions).boxed().toList(), revisions);
            List<String> notes = history.getList("note");
            for (int n = 0; n < writers; n++) {
                String writer = "writer " + n + " ";
                assertEquals(List.of(writer + "edition 0", writer + "edition 1", writer + "edition 2"),
                        notes.stream().filter(note -> note.startsWith(writer)).toList());
            }
        }
    }
}
