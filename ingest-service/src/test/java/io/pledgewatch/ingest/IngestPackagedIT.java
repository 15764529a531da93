package io.pledgewatch.ingest;

import static io.pledgewatch.ingest.support.SubmissionJson.aSubmission;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.pledgewatch.ingest.support.PackagedServiceResource;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as it is deployed (target/quarkus-app, production profile) on a real PostgreSQL: it is ready,
 * stores a delegation's submission and serves it back with its ETag, and refuses another nation's figures as a
 * problem.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceResource.class)
class IngestPackagedIT {

    static final String LTU = TestTokens.delegation("LTU");

    @Test
    void thePackagedServiceIsReadyWithItsDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void aDelegationsSubmissionIsStoredAndReadBackWithItsETag() {
        given().auth().oauth2(LTU).contentType(ContentType.JSON).body(aSubmission().withTotal("4790000000").build())
                .put("/api/v1/submissions/LTU/2026").then().statusCode(201).header("ETag", "\"r1\"")
                .body("revision", equalTo(1));
        given().auth().oauth2(LTU).get("/api/v1/submissions/LTU/2026").then().statusCode(200)
                .header("ETag", "\"r1\"").body("defence.total", equalTo(4790000000L))
                .body("submittedBy", equalTo("delegation:officer@ltu"));
    }

    @Test
    void anotherNationsFiguresAreRefusedAsAProblem() {
        given().auth().oauth2(LTU).get("/api/v1/submissions/DEU/2025").then().statusCode(403)
                .contentType("application/problem+json").body("field", equalTo("country"));
    }
}
