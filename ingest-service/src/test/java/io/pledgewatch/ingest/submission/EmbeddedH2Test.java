package io.pledgewatch.ingest.submission;

import static io.pledgewatch.ingest.support.SubmissionJson.aSubmission;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.pledgewatch.ingest.support.H2Profile;
import io.pledgewatch.ingest.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The same service on its embedded default (H2 file, PostgreSQL mode): migrations, writes, feed, import. */
@QuarkusTest
@TestProfile(H2Profile.class)
class EmbeddedH2Test {

    @Inject
    DataSource dataSource;

    @Test
    void runsOnH2() throws Exception {
        try (var c = dataSource.getConnection()) {
            org.junit.jupiter.api.Assertions.assertEquals("H2", c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void submitReviseReadAndFollowOnH2() {
        String hrv = Tokens.delegation("HRV");
        given().auth().oauth2(hrv).contentType(ContentType.JSON).body(aSubmission().build())
                .put("/api/v1/submissions/HRV/2026").then().statusCode(201);
        given().auth().oauth2(hrv).contentType(ContentType.JSON).body(aSubmission().withNote("v2").build())
                .put("/api/v1/submissions/HRV/2026").then().statusCode(428);
        given().auth().oauth2(hrv).contentType(ContentType.JSON).header("If-Match", "\"r1\"")
                .body(aSubmission().withNote("v2").build())
                .put("/api/v1/submissions/HRV/2026").then().statusCode(200);
        given().auth().oauth2(hrv).get("/api/v1/submissions/HRV/2026/revisions").then().statusCode(200)
                .body("$", hasSize(2));
        given().auth().oauth2(hrv).contentType(ContentType.JSON).body(aSubmission().withCurrency("HRK").build())
                .put("/api/v1/submissions/HRV/2027").then().statusCode(422).body("field", equalTo("currency"));
        given().auth().oauth2(Tokens.service()).get("/api/v1/feed?after=0").then().statusCode(200)
                .body("items.findAll { it.country == 'HRV' }.revision", equalTo(java.util.List.of(1, 2)));
    }

    @Test
    void importIsAllOrNothingOnH2() {
        given().auth().oauth2(Tokens.staff()).contentType("text/csv")
                .body("country,year,status,defence_pct_gdp,source\nALB,2016,ACTUAL,1.1,x\nALB,2017,ACTUAL,,x\n")
                .post("/api/v1/imports").then().statusCode(422);
        given().auth().oauth2(Tokens.staff()).get("/api/v1/submissions/ALB/2016").then().statusCode(404);
        given().auth().oauth2(Tokens.staff()).contentType("text/csv")
                .body("country,year,status,defence_pct_gdp,source\nALB,2016,ACTUAL,1.1,x\nALB,2017,ACTUAL,1.2,x\n")
                .post("/api/v1/imports").then().statusCode(200).body("rows", equalTo(2));
    }
}
