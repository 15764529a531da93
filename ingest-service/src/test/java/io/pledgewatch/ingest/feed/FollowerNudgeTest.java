package io.pledgewatch.ingest.feed;

import static io.pledgewatch.ingest.support.SubmissionJson.aSubmission;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.pledgewatch.platform.testing.PostgresResource;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The nudge to followers over the REST client: a commit is signalled with the service token, one call in flight per
 * follower with the nudges meanwhile coalesced into one more, and a follower that is down delays nothing.
 */
@QuarkusTest
@TestProfile(FollowerNudgeTest.WithFollowers.class)
class FollowerNudgeTest {

    /** A follower's signal endpoint that holds each call until the test lets it answer. */
    public static class Follower implements QuarkusTestResourceLifecycleManager {
        static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
        static final AtomicInteger IN_FLIGHT = new AtomicInteger();
        static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();
        static volatile CountDownLatch answer = new CountDownLatch(0);
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                int closedPort;
                try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    closedPort = probe.getLocalPort();
                }
                server.createContext("/api/v1/feed/signal", exchange -> {
                    MOST_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
                    AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
                    try {
                        answer.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    IN_FLIGHT.decrementAndGet();
                    exchange.sendResponseHeaders(202, -1);
                    exchange.close();
                });
                server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
                server.start();
                return Map.of("pledgewatch.feed.notify-urls",
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/feed/signal,"
                                + "http://127.0.0.1:" + closedPort + "/api/v1/feed/signal",
                        "pledgewatch.feed.nudge-read-timeout", "90s",
                        "pledgewatch.service-token", TestTokens.service());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            answer.countDown();
            if (server != null) {
                server.stop(0);
            }
        }
    }

    public static class WithFollowers implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(Follower.class));
        }
    }

    private static void submit(int year) {
        given().auth().oauth2(TestTokens.delegation("MNE")).contentType(ContentType.JSON).body(aSubmission().build())
                .put("/api/v1/submissions/MNE/" + year).then().statusCode(201);
    }

    @Test
    void commitsAreSignalledOneCallAtATimeAndADownFollowerDelaysNothing() {
        Follower.answer = new CountDownLatch(1);
        int before = Follower.AUTHORIZATIONS.size();
        submit(2031);
        await().atMost(Duration.ofSeconds(10)).until(() -> Follower.AUTHORIZATIONS.size() == before + 1);
        // While the follower holds its call (and the other is down), more commits go through and are not signalled
        // yet: they are answered while the follower's call is still open.
        submit(2032);
        submit(2033);
        submit(2034);
        assertEquals(1, Follower.IN_FLIGHT.get(), "the commits waited for the follower to answer");
        assertEquals(before + 1, Follower.AUTHORIZATIONS.size(), "a second call while one is in flight");
        Follower.answer.countDown();
        // The nudges that came meanwhile are signalled by one more call (NudgeCoalescingTest: exactly one).
        await().atMost(Duration.ofSeconds(10)).until(() -> Follower.AUTHORIZATIONS.size() == before + 2);
        assertEquals(1, Follower.MOST_IN_FLIGHT.get());
        assertTrue(Follower.AUTHORIZATIONS.stream().allMatch(a -> a.equals("Bearer " + TestTokens.service())),
                "every nudge carries the service token");
    }
}
