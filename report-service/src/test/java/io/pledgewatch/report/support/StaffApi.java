package io.pledgewatch.report.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pledgewatch.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** What the tests do as staff through report's API: commission a briefing, and wait for what becomes of it. */
public final class StaffApi {

    public static final String STAFF = TestTokens.staff();

    /** Room for a run and its retries on a busy machine: it only keeps a hung run from hanging the build. */
    public static final Duration PATIENCE = Duration.ofSeconds(120);

    private StaffApi() {
    }

    /** Commissions a briefing ({@code {}} for the Alliance's); returns its Location. */
    public static String commission(Object body) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .post("/api/v1/briefings").then().statusCode(202)
                .header("Location", containsString("/api/v1/briefings/")).extract().header("Location");
    }

    /** The briefing's metadata once its status is {@code status}; a time-out names the last status seen. */
    public static JsonPath awaitStatus(String location, String status) {
        AtomicReference<JsonPath> seen = new AtomicReference<>();
        await("briefing at " + location + " becoming " + status).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    seen.set(given().auth().oauth2(STAFF).get(location).then().statusCode(200).extract().jsonPath());
                    assertEquals(status, seen.get().getString("status"), seen.get().prettify());
                });
        return seen.get();
    }

    public static JsonPath awaitStatus(long id, String status) {
        return awaitStatus("/api/v1/briefings/" + id, status);
    }
}
