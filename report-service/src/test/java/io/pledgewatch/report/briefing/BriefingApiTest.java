package io.pledgewatch.report.briefing;

import static io.pledgewatch.report.support.StaffApi.STAFF;
import static io.pledgewatch.report.support.StaffApi.awaitStatus;
import static io.pledgewatch.report.support.StaffApi.commission;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import io.pledgewatch.report.support.PdfText;
import io.pledgewatch.report.support.ReportProfile;
import io.pledgewatch.report.support.UpstreamServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Commissioning, downloading and keeping briefings, against the real compliance-service. */
@QuarkusTest
@TestProfile(ReportProfile.class)
class BriefingApiTest {

    @Test
    void aCommissionedAllianceBriefingCarriesEveryNationAndItsFigures() throws Exception {
        String location = commission(Map.of());
        JsonPath meta = awaitStatus(location, "READY");
        assertEquals("ALLIANCE", meta.getString("kind"));
        assertEquals(2026, meta.getInt("focusYear"), "2026 is the latest year most Allies have figures for");
        Response pdf = given().auth().oauth2(STAFF).get(location + "/pdf");
        pdf.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", startsWith("attachment; filename=\"pledgewatch-alliance-briefing-"))
                .header("ETag", "\"" + meta.getString("sha256") + "\"");
        byte[] bytes = pdf.asByteArray();
        assertEquals(meta.getLong("size"), bytes.length);
        assertEquals(meta.getString("sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        PdfText text = PdfText.of(bytes);
        assertEquals(meta.getInt("pages"), text.pages());
        for (Ally ally : Allies.get().all()) {
            assertTrue(text.text().contains(ally.name()), "missing nation " + ally.name());
        }
        // The counts and the editions behind them: EditionsBriefingTest.
        assertTrue(text.text().contains("Methodology"));
        PdfText.assertQpdfFindsNoFault(bytes);
    }

    @Test
    void downloadsAnswerIfNoneMatchAndLatestFindsTheNewestAllianceBriefing() {
        String location = commission(Map.of());
        JsonPath meta = awaitStatus(location, "READY");
        String etag = "\"" + meta.getString("sha256") + "\"";
        given().auth().oauth2(STAFF).header("If-None-Match", etag).get(location + "/pdf").then().statusCode(304);
        Response latest = given().auth().oauth2(STAFF).get("/api/v1/briefings/latest/pdf");
        latest.then().statusCode(200).contentType("application/pdf");
        assertNotNull(latest.header("ETag"));
    }

    @Test
    void aNationBriefingHoldsThatNationOnly() {
        String location = commission(Map.of("country", "LTU"));
        JsonPath meta = awaitStatus(location, "READY");
        assertEquals("NATION", meta.getString("kind"));
        assertEquals("LTU", meta.getString("country"));
        PdfText text = PdfText.of(given().auth().oauth2(STAFF).get(location + "/pdf").asByteArray());
        assertTrue(text.text().contains("Lithuania (LTU)"));
        assertTrue(text.text().contains("5.38"), "LTU 2026: 4.79 bn of 89.03 bn is 5.38%");
        assertFalse(text.text().contains("Türkiye"), "no other nation's figures");
    }

    @Test
    void badRequestsAreProblems() {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(Map.of("country", "XXX"))
                .post("/api/v1/briefings").then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("country"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(Map.of("colour", "red"))
                .post("/api/v1/briefings").then().statusCode(400).body("field", equalTo("colour"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(Map.of("year", 2040))
                .post("/api/v1/briefings").then().statusCode(422).body("field", equalTo("year"));
        given().auth().oauth2(STAFF).get("/api/v1/briefings/999999").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(STAFF).get("/api/v1/briefings/../../etc/passwd").then().statusCode(404);
    }

    @Test
    void onlyStaffMaySeeOrCommissionBriefings() {
        for (String token : List.of(TestTokens.delegation("LTU"), TestTokens.service())) {
            given().auth().oauth2(token).get("/api/v1/briefings").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/briefings/latest/pdf").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/briefings")
                    .then().statusCode(403);
        }
        given().get("/api/v1/briefings").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/briefings/1/pdf").then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/api/v1/briefings").then().statusCode(401);
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void complianceBeingDownFailsARunWithItsReasonThenItSucceedsOnRetry() {
        UpstreamServices.compliance().stop();
        String location;
        try {
            location = commission(Map.of("country", "DEU"));
            JsonPath failed = awaitStatus(location, "FAILED");
            assertTrue(failed.getString("failureReason").contains("compliance-service unavailable"),
                    failed.getString("failureReason"));
            given().auth().oauth2(STAFF).get(location + "/pdf").then().statusCode(409)
                    .contentType("application/problem+json");
        } finally {
            UpstreamServices.compliance().start();
        }
        JsonPath ready = awaitStatus(location, "READY");
        assertTrue(ready.getInt("attempts") >= 2, "retried after the failure");
    }

    @Test
    void retentionKeepsTheNewestBriefings() {
        for (int i = 0; i < 5; i++) {
            awaitStatus(commission(Map.of("country", "EST")), "READY");
        }
        List<Map<String, Object>> ready = given().auth().oauth2(STAFF).get("/api/v1/briefings").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.status == 'READY' }");
        assertEquals(4, ready.size(), "retention is 4 in this profile");
        List<Integer> ids = ready.stream().map(m -> (Integer) m.get("id")).toList();
        assertEquals(ids.stream().sorted(java.util.Comparator.reverseOrder()).toList(), ids, "newest first");
    }
}
