package io.pledgewatch.ingest.submission;

import static io.pledgewatch.ingest.support.SubmissionJson.aSubmission;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pledgewatch.ingest.support.PostgresProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class SubmissionResourceTest {

    static final String LTU = TestTokens.delegation("LTU");

    static ValidatableResponse put(String token, String path, Object body, String ifMatch) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/submissions/" + path).then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get("/api/v1/submissions/" + path).then();
    }

    static void assertNothingStored(String path) {
        get(TestTokens.staff(), path).statusCode(404).contentType("application/problem+json");
    }

    /** Years 2014-2025 may hold NATO's published ratios (imported by another test): no amounts may appear. */
    static void assertNoAmountsStored(String path) {
        var r = given().auth().oauth2(TestTokens.staff()).get("/api/v1/submissions/" + path + "/revisions").then();
        if (r.extract().statusCode() != 404) {
            r.statusCode(200).body("kind", everyItem(equalTo("PUBLISHED_RATIO")));
        }
    }

    @Test
    void firstSubmissionIsCreatedWithEtagAndLocation() {
        put(LTU, "LTU/2026", aSubmission().withGdp(89030000000L).withTotal("4790000000").build(), null)
                .statusCode(201)
                .header("ETag", "\"r1\"")
                .header("Location", containsString("/api/v1/submissions/LTU/2026"))
                .body("country", equalTo("LTU")).body("year", equalTo(2026)).body("revision", equalTo(1))
                .body("defence.total", equalTo(4790000000L))
                .body("submittedBy", containsString("officer@ltu"))
                .body("receivedAt", notNullValue())
                .body("assessed", is(true));
        get(LTU, "LTU/2026").statusCode(200).header("ETag", "\"r1\"").body("gdp", equalTo(89030000000L));
    }

    @Test
    void revisingRequiresIfMatchAndKeepsEveryRevision() {
        put(LTU, "LTU/2027", aSubmission().build(), null).statusCode(201);
        put(LTU, "LTU/2027", aSubmission().withNote("revised").build(), null)
                .statusCode(428).contentType("application/problem+json").body("field", equalTo("If-Match"));
        put(LTU, "LTU/2027", aSubmission().withNote("revised").build(), "\"r7\"")
                .statusCode(412).contentType("application/problem+json").body("field", equalTo("If-Match"));
        put(LTU, "LTU/2027", aSubmission().withNote("revised").build(), "\"r1\"")
                .statusCode(200).header("ETag", "\"r2\"").body("revision", equalTo(2));
        put(LTU, "LTU/2027", aSubmission().withNote("third").withTotal("4800000000").build(), "\"r2\"")
                .statusCode(200).header("ETag", "\"r3\"");
        get(LTU, "LTU/2027/revisions").statusCode(200)
                .body("$", hasSize(3))
                .body("revision", equalTo(java.util.List.of(1, 2, 3)))
                .body("[0].note", equalTo("test")).body("[1].note", equalTo("revised"))
                .body("[2].defence.total", equalTo(4800000000L));
        get(LTU, "LTU/2027").statusCode(200).body("revision", equalTo(3)).body("note", equalTo("third"));
    }

    @Test
    void anIdenticalBodyCreatesNoNewRevisionEvenWhenRetriedWithoutIfMatch() {
        put(LTU, "LTU/2028", aSubmission().build(), null).statusCode(201);
        put(LTU, "LTU/2028", aSubmission().build(), null).statusCode(200).header("ETag", "\"r1\"")
                .header("X-Revision-Outcome", "UNCHANGED");
        // The same figures written differently are the same revision.
        Map<String, Object> asStrings = aSubmission().withGdp("89030000000.00").build();
        put(LTU, "LTU/2028", asStrings, "\"r1\"").statusCode(200).header("ETag", "\"r1\"");
        get(LTU, "LTU/2028/revisions").statusCode(200).body("$", hasSize(1));
    }

    @Test
    void ifMatchOnAMissingSubmissionFails() {
        put(LTU, "LTU/2029", aSubmission().build(), "\"r1\"").statusCode(412);
        assertNothingStored("LTU/2029");
    }

    @Test
    void ifNoneMatchGivesNotModified() {
        put(LTU, "LTU/2030", aSubmission().build(), null).statusCode(201);
        given().auth().oauth2(LTU).header("If-None-Match", "\"r1\"").when().get("/api/v1/submissions/LTU/2030")
                .then().statusCode(304);
    }

    @Test
    void amountsAcceptDecimalStringsAndKeepExactValues() {
        Map<String, Object> body = aSubmission().withGdp("89030000000.55").withUsdRate("0.92345678").build();
        put(LTU, "LTU/2031", body, null).statusCode(201);
        String raw = get(LTU, "LTU/2031").statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(raw.contains("\"gdp\":89030000000.55"), raw);
        org.junit.jupiter.api.Assertions.assertTrue(raw.contains("\"usdRate\":0.92345678"), raw);
    }

    @Test
    void bulgariaReportsInLevUntil2025AndInEuroFrom2026() {
        String bgr = TestTokens.delegation("BGR");
        put(bgr, "BGR/2026", aSubmission().withCurrency("BGN").build(), null)
                .statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("currency")).body("detail", containsString("EUR"));
        assertNothingStored("BGR/2026");
        put(bgr, "BGR/2026", aSubmission().withCurrency("EUR").build(), null).statusCode(201);
        put(bgr, "BGR/2024", aSubmission().withCurrency("EUR").build(), null)
                .statusCode(422).body("field", equalTo("currency"));
        assertNoAmountsStored("BGR/2024");
        // 200 if NATO's published ratio for 2024 was imported first: the delegation's figures become a new revision.
        put(bgr, "BGR/2024", aSubmission().withCurrency("BGN").build(), null)
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200))).body("kind", equalTo("AMOUNTS"));
    }

    @Test
    void yearsBeforeAccessionAreRefused() {
        String swe = TestTokens.delegation("SWE");
        put(swe, "SWE/2020", aSubmission().withCurrency("SEK").build(), null)
                .statusCode(422).body("field", equalTo("year")).body("detail", containsString("2024"));
        assertNoAmountsStored("SWE/2020");
        put(swe, "SWE/2026", aSubmission().withCurrency("SEK").build(), null).statusCode(201);
        String fin = TestTokens.delegation("FIN");
        put(fin, "FIN/2022", aSubmission().build(), null).statusCode(422).body("field", equalTo("year"));
    }

    @Test
    void yearsOutsideTheTrackedRangeAreRefused() {
        put(LTU, "LTU/2013", aSubmission().build(), null).statusCode(422).body("field", equalTo("year"));
        put(LTU, "LTU/2036", aSubmission().build(), null).statusCode(422).body("field", equalTo("year"));
        put(LTU, "LTU/20x6", aSubmission().build(), null).statusCode(400).body("field", equalTo("year"));
    }

    @Test
    void aCountryThatIsNotAnAllyIsNotFound() {
        put(TestTokens.staff(), "RUS/2026", aSubmission().build(), null)
                .statusCode(404).contentType("application/problem+json").body("field", equalTo("country"));
        get(TestTokens.staff(), "ltu/2026").statusCode(404).body("field", equalTo("country"));
    }

    @Test
    void icelandIsAcceptedButFlaggedAsNotAssessed() {
        put(TestTokens.delegation("ISL"), "ISL/2026", aSubmission().withCurrency("ISK").withTotal("0").build(), null)
                .statusCode(201).body("assessed", is(false)).body("notAssessedReason", containsString("no armed forces"));
    }

    @Test
    void categoriesMustSumToTheTotalWithinOneUnit() {
        Map<String, Object> body = aSubmission().build();
        @SuppressWarnings("unchecked")
        Map<String, Object> defence = (Map<String, Object>) body.get("defence");
        defence.put("other", new java.math.BigDecimal(defence.get("other").toString()).add(java.math.BigDecimal.ONE));
        put(LTU, "LTU/2032", body, null).statusCode(201); // one unit off: accepted
        defence.put("other", new java.math.BigDecimal(defence.get("other").toString()).add(java.math.BigDecimal.TEN));
        put(LTU, "LTU/2033", body, null).statusCode(422).body("field", equalTo("defence.total"));
        assertNothingStored("LTU/2033");
    }

    @Test
    void equipmentAndUkraineSupportCannotExceedTheTotal() {
        put(LTU, "LTU/2034", aSubmission().withUkraineSupport("9790000000").build(), null)
                .statusCode(422).body("errors.field", hasItem("defence.ukraineSupport"));
        assertNothingStored("LTU/2034");
    }

    @Test
    void negativeAmountsAreRefusedNamingTheField() {
        Map<String, Object> body = aSubmission().build();
        @SuppressWarnings("unchecked")
        Map<String, Object> related = (Map<String, Object>) body.get("related");
        related.put("innovation", -5);
        put(LTU, "LTU/2034", body, null).statusCode(422).body("errors.field", hasItem("related.innovation"));
        put(LTU, "LTU/2034", aSubmission().withGdp(0).build(), null).statusCode(422).body("field", equalTo("gdp"));
        assertNothingStored("LTU/2034");
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().auth().oauth2(LTU).contentType(ContentType.JSON).body("{\"status\": \"BUDGET\", \"gdp\": ")
                .when().put("/api/v1/submissions/LTU/2035")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed request body")).body("field", equalTo("body"));
        assertNothingStored("LTU/2035");
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        Map<String, Object> body = aSubmission().build();
        body.put("gpd", 1);
        put(LTU, "LTU/2035", body, null).statusCode(400).body("field", equalTo("gpd"));
        @SuppressWarnings("unchecked")
        Map<String, Object> defence = (Map<String, Object>) aSubmission().build().get("defence");
        defence.put("nukes", 1);
        Map<String, Object> nested = aSubmission().build();
        nested.put("defence", defence);
        put(LTU, "LTU/2035", nested, null).statusCode(400).body("field", equalTo("defence.nukes"));
        assertNothingStored("LTU/2035");
    }

    @Test
    void wrongTypesAreRefusedByName() {
        put(LTU, "LTU/2035", aSubmission().withGdp(true).build(), null).statusCode(400).body("field", equalTo("gdp"));
        put(LTU, "LTU/2035", aSubmission().withGdp("").build(), null).statusCode(400).body("field", equalTo("gdp"));
        put(LTU, "LTU/2035", aSubmission().withGdp("NaN").build(), null).statusCode(400).body("field", equalTo("gdp"));
        put(LTU, "LTU/2035", aSubmission().withGdp(Map.of("a", 1)).build(), null).statusCode(400)
                .body("field", equalTo("gdp"));
        put(LTU, "LTU/2035", aSubmission().withStatus("MAYBE").build(), null).statusCode(422)
                .body("field", equalTo("status"));
        given().auth().oauth2(LTU).contentType(ContentType.JSON).body("[1,2]")
                .when().put("/api/v1/submissions/LTU/2035").then().statusCode(400).body("field", equalTo("body"));
        given().auth().oauth2(LTU).contentType(ContentType.JSON).body("{\"status\":\"PLAN\",\"status\":\"ACTUAL\"}")
                .when().put("/api/v1/submissions/LTU/2035").then().statusCode(400).body("field", equalTo("body"))
                .body("detail", containsString("'status'"));
        assertNothingStored("LTU/2035");
    }

    @Test
    void absurdMagnitudesAndPrecisionAreRefused() {
        put(LTU, "LTU/2035", aSubmission().withGdp("1e30").build(), null).statusCode(422).body("field", equalTo("gdp"));
        put(LTU, "LTU/2035", aSubmission().withGdp("89030000000.001").build(), null).statusCode(422)
                .body("field", equalTo("gdp"));
        put(LTU, "LTU/2035", aSubmission().withUsdRate(0).build(), null).statusCode(422)
                .body("field", equalTo("usdRate"));
        assertNothingStored("LTU/2035");
    }

    @Test
    void notesAreLimitedAndMustBeText() {
        put(LTU, "LTU/2035", aSubmission().withNote("x".repeat(2001)).build(), null).statusCode(422)
                .body("field", equalTo("note"));
        put(LTU, "LTU/2035", aSubmission().withNote("nul\u0000byte").build(), null).statusCode(422)
                .body("field", equalTo("note"));
        assertNothingStored("LTU/2035");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        Map<String, Object> body = aSubmission().build();
        body.remove("currency");
        body.remove("defence");
        put(LTU, "LTU/2035", body, null).statusCode(422)
                .body("errors.field", hasItem("currency")).body("errors.field", hasItem("defence"));
        given().auth().oauth2(LTU).contentType(ContentType.JSON)
                .when().put("/api/v1/submissions/LTU/2035").then().statusCode(400).body("field", equalTo("body"));
        given().auth().oauth2(LTU).body("{}".getBytes())
                .when().put("/api/v1/submissions/LTU/2035").then().statusCode(415).body("field", equalTo("Content-Type"));
        assertNothingStored("LTU/2035");
    }

    @Test
    void oversizedBodiesAreRefusedBeforeParsing() {
        String huge = "{\"note\":\"" + "x".repeat(70_000) + "\"}";
        given().auth().oauth2(LTU).contentType(ContentType.JSON).body(huge)
                .when().put("/api/v1/submissions/LTU/2035")
                .then().statusCode(413).contentType("application/problem+json");
        assertNothingStored("LTU/2035");
    }

    @Test
    void onlyJsonIsAccepted() {
        given().auth().oauth2(LTU).contentType("text/plain").body("status=BUDGET")
                .when().put("/api/v1/submissions/LTU/2035")
                .then().statusCode(415).contentType("application/problem+json");
        assertNothingStored("LTU/2035");
    }

    @Test
    void listFiltersByYearAndCountry() {
        String est = TestTokens.delegation("EST");
        put(est, "EST/2026", aSubmission().build(), null).statusCode(201);
        put(est, "EST/2027", aSubmission().build(), null).statusCode(201);
        given().auth().oauth2(TestTokens.staff()).queryParam("country", "EST").when().get("/api/v1/submissions")
                .then().statusCode(200).body("country", everyItem(equalTo("EST")))
                .body("findAll { it.year >= 2026 }.year", equalTo(java.util.List.of(2026, 2027)));
        given().auth().oauth2(TestTokens.staff()).queryParam("country", "EST").queryParam("year", 2027)
                .when().get("/api/v1/submissions").then().statusCode(200).body("$", hasSize(1))
                .body("[0].year", equalTo(2027));
    }

    @Test
    void unknownRoutesAnswerProblemJson() {
        given().auth().oauth2(LTU).when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(LTU).when().delete("/api/v1/submissions/LTU/2026")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void amountsComeBackAsTheyWereSent() {
        put(TestTokens.delegation("NLD"), "NLD/2026", aSubmission().withTotal("22100000000").withEquipment("6000000000").build(), null)
                .statusCode(201);
        var view = get(TestTokens.staff(), "NLD/2026").statusCode(200).extract().jsonPath();
        assertEquals(6000000000L, view.getLong("defence.equipment"));
        assertEquals(22100000000L, view.getLong("defence.total"));
        org.junit.jupiter.api.Assertions.assertNull(view.get("publishedRatio"));
    }

    @Test
    void operationalEndpointsAreOpen() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/submissions"));
        given().when().get("/q/health/started").then().statusCode(200);
    }
}
