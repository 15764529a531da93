package io.pledgewatch.report;

import static io.pledgewatch.report.support.StaffApi.STAFF;
import static io.pledgewatch.report.support.StaffApi.awaitStatus;
import static io.pledgewatch.report.support.StaffApi.commission;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.report.support.PackagedProfile;
import io.pledgewatch.report.support.PdfText;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * report-service as it is shipped: the packaged application started by Quarkus as a process of its own (failsafe,
 * after packaging), on PostgreSQL and the real compliance-service, called over HTTP as staff and strangers call it.
 */
@QuarkusIntegrationTest
@TestProfile(PackagedProfile.class)
class ReportPackagedIT {

    @Test
    void thePackagedServiceIsReadyWithItsDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void staffCommissionABriefingAndDownloadItsPdf() {
        String location = commission(Map.of("country", "LTU"));
        int id = awaitStatus(location, "READY").getInt("id");
        given().auth().oauth2(STAFF).get("/api/v1/briefings").then().statusCode(200).body("id", hasItem(id));
        byte[] pdf = given().auth().oauth2(STAFF).get(location + "/pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertTrue(PdfText.of(pdf).text().contains("Lithuania (LTU)"), "the nation's briefing, drawn from compliance");
    }

    @Test
    void callersWithoutTheStaffRoleAreRefusedWithProblems() {
        given().auth().oauth2(TestTokens.delegation("LTU")).get("/api/v1/briefings").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().get("/api/v1/briefings").then().statusCode(401).contentType("application/problem+json");
    }
}
