package io.pledgewatch.report.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.pledgewatch.platform.testing.PostgresResource;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provider sign-in configured, provider unreachable: the service still starts and serves; sign-in says why it cannot. */
@QuarkusTest
@TestProfile(ProviderOutageTest.DeadProvider.class)
class ProviderOutageTest {

    public static class DeadProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("pledgewatch.briefing.schedule-enabled", "false",
                    "pledgewatch.web.oidc.enabled", "true",
                    "quarkus.oidc.web.auth-server-url", "http://localhost:" + closedPort + "/realms/pledgewatch",
                    "quarkus.oidc.web.credentials.secret", "test-only-client-secret-do-not-use-0123456789");
        }
    }

    @Test
    void signInAnswers503WithTheReasonAndTheRestKeepsWorking() {
        given().redirects().follow(false).get("/oidc/login").then().statusCode(503).header("Retry-After", "30")
                .body(containsString("cannot be reached just now"));
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/login"));
        given().get("/login").then().statusCode(200).body(containsString("href=\"/oidc/login\""));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/briefings").then().statusCode(200);
    }
}
