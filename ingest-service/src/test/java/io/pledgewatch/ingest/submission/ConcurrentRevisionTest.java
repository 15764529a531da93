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
}
