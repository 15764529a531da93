package io.pledgewatch.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real HTTP server on loopback: what it sends, and what it makes of each kind of answer. */
class ServiceApiTest {

    record Item(String country, int year) {
    }

    private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() { };

    private HttpServer server;
    private final AtomicReference<String> seenQuery = new AtomicReference<>();
    private final AtomicReference<String> seenAuthorization = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>("[]");
    private final AtomicInteger token = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/items", exchange -> {
            seenQuery.set(exchange.getRequestURI().getRawQuery());
            seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ServiceApi api() {
        return api("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private ServiceApi api(String base) {
        return new ServiceApi("test-service", base, Duration.ofSeconds(1), Duration.ofSeconds(2), new ObjectMapper(),
                () -> "Bearer t" + token.incrementAndGet());
    }

    @Test
    void sendsEncodedQueryAndAFreshTokenAndMapsTheAnswer() {
        body.set("[{\"country\":\"TUR\",\"year\":2025}]");
        try (ServiceApi api = api()) {
            assertEquals(List.of(new Item("TUR", 2025)), api.get(ITEMS, "/api/v1/items", "country", "A&B é", "year", 2025));
            assertEquals("country=A%26B+%C3%A9&year=2025", seenQuery.get());
            assertEquals("Bearer t1", seenAuthorization.get());

            api.get(ITEMS, "/api/v1/items", "country", null);
            assertEquals(null, seenQuery.get(), "a null value leaves its parameter out");
            assertEquals("Bearer t2", seenAuthorization.get(), "the token is asked for on every call");
        }
    }

    @Test
    void anErrorStatusFailsWithTheStatusAndTheAnswersFirstLine() {
        status.set(401);
        body.set("{\"title\":\"Unauthorized\"}\nmore");
        try (ServiceApi api = api()) {
            ServiceApi.CallFailed failed = assertThrows(ServiceApi.CallFailed.class, () -> api.get(ITEMS, "/api/v1/items"));
            assertEquals(401, failed.status());
            assertEquals("test-service answered 401 to GET /api/v1/items: {\"title\":\"Unauthorized\"}", failed.getMessage());
        }
    }

    @Test
    void unreadableJsonFails() {
        body.set("{\"country\":");
        try (ServiceApi api = api()) {
            ServiceApi.CallFailed failed = assertThrows(ServiceApi.CallFailed.class, () -> api.get(ITEMS, "/api/v1/items"));
            assertEquals(0, failed.status());
            assertTrue(failed.getMessage().startsWith("test-service answered GET /api/v1/items with unreadable JSON"),
                    failed.getMessage());
        }
    }

    @Test
    void anUnreachableServiceFailsAsAnIoError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (ServiceApi api = api("http://127.0.0.1:" + closedPort)) {
            UncheckedIOException failed = assertThrows(UncheckedIOException.class, () -> api.get(ITEMS, "/api/v1/items"));
            assertTrue(failed.getMessage().startsWith("test-service unreachable (GET /api/v1/items): "), failed.getMessage());
        }
    }

    @Test
    void aMalformedBaseUrlFailsWhereTheClientIsMade() {
        assertThrows(IllegalArgumentException.class, () -> api("http://compliance service:8082"));
    }

    @Test
    void queryParametersComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> ServiceApi.queryString("country"));
        assertEquals("", ServiceApi.queryString());
    }
}
