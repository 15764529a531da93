package io.pledgewatch.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.pledgewatch.compliance.support.PackagedServiceSettings;
import io.pledgewatch.platform.problem.Problem;
import io.pledgewatch.platform.testing.PostgresResource;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (target/quarkus-app, as the images and the launcher run it) on its own PostgreSQL, with no
 * ingest to follow: it migrates its database, records the shipped rule sets, is ready, answers an authorised call and
 * refuses others as problems.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresResource.class)
@WithTestResource(PackagedServiceSettings.class)
class CompliancePackagedIT {

    @Test
    void isReadyWithoutIngestAndSaysTheFeedIsUnreachable() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'ingest-feed' }.data.feedReachable", equalTo(false));
    }

    @Test
    void servesTheShippedRuleSetsToAStaffToken() {
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/rulesets").then().statusCode(200)
                .body("id", hasItems("wales-2014", "hague-2025"))
                .body("find { it.id == 'hague-2025' }.version", equalTo("1"));
        given().auth().oauth2(TestTokens.service()).get("/api/v1/alliance/2026").then().statusCode(200)
                .body("year", equalTo(2026)).body("assessed", equalTo(0));
    }

    @Test
    void refusesCallersAsProblems() {
        given().get("/api/v1/alliance/2026").then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer")).body("status", equalTo(401));
        given().auth().oauth2(TestTokens.delegation("LTU")).get("/api/v1/alliance/2026").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(403));
        given().auth().oauth2(TestTokens.delegation("LTU")).get("/api/v1/assessments/LVA/2026").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE).body("field", equalTo("country"));
    }
}
