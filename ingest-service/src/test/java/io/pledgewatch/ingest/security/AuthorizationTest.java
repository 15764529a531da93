package io.pledgewatch.ingest.security;

import static io.pledgewatch.ingest.support.SubmissionJson.aSubmission;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pledgewatch.ingest.support.PostgresProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may do what: every role against its own and another nation's data, and every kind of bad token. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class AuthorizationTest {

    static final String CSV = "country,year,status,defence_pct_gdp,source\nHUN,2019,ACTUAL,1.3,test\n";

    @BeforeEach
    void greeceHasASubmission() {
        given().auth().oauth2(TestTokens.delegation("GRC")).contentType(ContentType.JSON)
                .body(aSubmission().withTotal("7000000000").build())
                .when().put("/api/v1/submissions/GRC/2030").then().statusCode(org.hamcrest.Matchers.anyOf(
                        equalTo(201), equalTo(200)));
    }

    static RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    static Map<String, String> tokens() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("none", null);
        t.put("expired", TestTokens.expired("GRC"));
        t.put("badSignature", TestTokens.badSignature("GRC"));
        t.put("otherIssuer", TestTokens.otherIssuer("GRC"));
        t.put("garbage", "not.a.token");
        t.put("ownDelegation", TestTokens.delegation("GRC"));
        t.put("otherDelegation", TestTokens.delegation("TUR"));
        t.put("delegationWithoutCountry", TestTokens.delegationWithoutCountry());
        t.put("staff", TestTokens.staff());
        t.put("service", TestTokens.service());
        return t;
    }

    /** Expected status per caller for: GET own, GET revisions, PUT, list, feed, import. */
    static final Map<String, int[]> EXPECTED = Map.of(
            "none", new int[] {401, 401, 401, 401, 401, 401},
            "expired", new int[] {401, 401, 401, 401, 401, 401},
            "badSignature", new int[] {401, 401, 401, 401, 401, 401},
            "otherIssuer", new int[] {401, 401, 401, 401, 401, 401},
            "garbage", new int[] {401, 401, 401, 401, 401, 401},
            "ownDelegation", new int[] {200, 200, 200, 200, 403, 403},
            "otherDelegation", new int[] {403, 403, 403, 200, 403, 403},
            "delegationWithoutCountry", new int[] {403, 403, 403, 403, 403, 403},
            "staff", new int[] {200, 200, 200, 200, 200, 200},
            "service", new int[] {403, 403, 403, 403, 200, 403});

    @Test
    void everyCallerGetsTheExpectedStatusOnEveryEndpoint() {
        StringBuilder mismatches = new StringBuilder();
        for (Map.Entry<String, String> caller : tokens().entrySet()) {
            int[] expected = EXPECTED.get(caller.getKey());
            String tok = caller.getValue();
            int[] actual = {
                as(tok).get("/api/v1/submissions/GRC/2030").statusCode(),
                as(tok).get("/api/v1/submissions/GRC/2030/revisions").statusCode(),
                as(tok).contentType(ContentType.JSON).body(aSubmission().withTotal("7000000000").build())
                        .put("/api/v1/submissions/GRC/2030").statusCode(),
                as(tok).get("/api/v1/submissions?year=2030").statusCode(),
                as(tok).get("/api/v1/feed?after=0&limit=1").statusCode(),
                as(tok).contentType("text/csv").body(CSV.replace("1.3", "1.3" + caller.getKey().length()))
                        .post("/api/v1/imports").statusCode(),
            };
            for (int i = 0; i < expected.length; i++) {
                if (expected[i] != actual[i]) {
                    mismatches.append(caller.getKey()).append(" endpoint#").append(i).append(": expected ")
                            .append(expected[i]).append(" got ").append(actual[i]).append('\n');
                }
            }
        }
        assertEquals("", mismatches.toString());
    }

    @Test
    void refusalsAreProblemJsonAndUnauthenticatedOnesSayBearer() {
        given().when().get("/api/v1/submissions/GRC/2030").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        as(TestTokens.delegation("TUR")).get("/api/v1/submissions/GRC/2030").then().statusCode(403)
                .contentType("application/problem+json").body("field", equalTo("country"));
    }

    @Test
    void aDelegationCannotReviseAnotherNationAndNothingIsStored() {
        as(TestTokens.delegation("TUR")).contentType(ContentType.JSON).body(aSubmission().withNote("hostile").build())
                .put("/api/v1/submissions/GRC/2030").then().statusCode(403).contentType("application/problem+json")
                .body("field", equalTo("country"));
        as(TestTokens.staff()).get("/api/v1/submissions/GRC/2030/revisions").then().statusCode(200)
                .body("note", everyItem(not(equalTo("hostile"))));
    }

    @Test
    void aDelegationListSeesOnlyItsOwnNation() {
        as(TestTokens.delegation("TUR")).contentType(ContentType.JSON)
                .body(aSubmission().withCurrency("TRY").withGdp("40000000000000").withTotal("800000000000").build())
                .put("/api/v1/submissions/TUR/2030").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));
        // Its own submission is listed: "every item is TUR" alone would hold for an empty list too.
        as(TestTokens.delegation("TUR")).get("/api/v1/submissions?year=2030").then().statusCode(200)
                .body("country", hasItem("TUR")).body("country", everyItem(equalTo("TUR")))
                .body(not(containsString("GRC")));
        as(TestTokens.delegation("TUR")).get("/api/v1/submissions?country=GRC").then().statusCode(403);
        as(TestTokens.staff()).get("/api/v1/submissions?year=2030").then().statusCode(200)
                .body("country", org.hamcrest.Matchers.hasItems("GRC", "TUR"));
    }

    @Test
    void aProblemForAnotherNationDoesNotRevealItsData() {
        String body = as(TestTokens.delegation("TUR")).get("/api/v1/submissions/GRC/2030/revisions").then()
                .statusCode(403).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("7000000000"), body);
    }

    /**
     * The caller is judged by its own token even when requests of two nations interleave: {@code Caller} is one bean
     * for the application that reads each request's identity through its proxy, so a token seen by one request must
     * never decide another's. 200 requests on 8 threads, Greece and Turkey alternating on Greece's data.
     */
    @Test
    void interleavedRequestsOfTwoNationsAreEachJudgedByTheirOwnToken() throws Exception {
        String greece = TestTokens.delegation("GRC");
        String turkey = TestTokens.delegation("TUR");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean own = i % 2 == 0;
                answers.add(pool.submit(() -> (own ? "GRC " : "TUR ")
                        + as(own ? greece : turkey).get("/api/v1/submissions/GRC/2030").then().extract().statusCode()));
            }
            Map<String, Integer> seen = new java.util.TreeMap<>();
            for (var answer : answers) {
                seen.merge(answer.get(60, java.util.concurrent.TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertEquals(Map.of("GRC 200", 100, "TUR 403", 100), seen);
        } finally {
            pool.shutdownNow();
        }
    }
}
