package io.pledgewatch.ingest.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.ingest.support.PostgresProfile;
import io.pledgewatch.ingest.support.SubmissionJson;
import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.NatoEdition;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NATO's editions, loaded out of order: the 2026 edition (published 7 July 2026) first, then the 2025 edition
 * (28 August 2025). Each revision is known since its edition's day, and the current revision of a key is the one known
 * since the latest, so the older edition goes into the history without replacing the newer figures. The editions fill
 * a database of their own ({@link OwnDatabase}): every Ally's years 2014-2026 would otherwise meet the other tests'.
 */
@QuarkusTest
@TestProfile(EditionsTest.OwnDatabase.class)
class EditionsTest {

    /** A fresh database for this class alone: a profile of its own makes Quarkus start anew with its own resources. */
    public static class OwnDatabase extends PostgresProfile {
    }

    static final NatoEdition OLD = NatoEdition.DEFENCE_EXPENDITURE_2014_2025;
    static final NatoEdition NEW = NatoEdition.DEFENCE_INVESTMENT_2014_2026;
    static final String STAFF = TestTokens.staff();

    /** The import's answer for each edition, the first time it was loaded (newer first). */
    private static JsonPath loadedNew;
    private static JsonPath loadedOld;

    static ValidatableResponse importEdition(NatoEdition edition) {
        return given().auth().oauth2(STAFF).contentType("text/csv").queryParam("source", edition.title())
                .queryParam("publishedOn", edition.publishedOn().toString())
                .body(String.join("\n", edition.seriesLines()) + "\n").post("/api/v1/imports").then();
    }

    /** Loads both editions, the newer first, once for the class; each test reads keys of its own. */
    static synchronized void editionsLoadedNewestFirst() {
        if (loadedNew == null) {
            loadedNew = importEdition(NEW).statusCode(200).extract().jsonPath();
            loadedOld = importEdition(OLD).statusCode(200).extract().jsonPath();
        }
    }

    static int rowsOf(NatoEdition edition) {
        return edition.seriesLines().size() - 1;
    }

    static Instant dayOf(NatoEdition edition) {
        return edition.publishedOn().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static ValidatableResponse read(String path) {
        return given().auth().oauth2(STAFF).get("/api/v1/submissions/" + path).then();
    }

    static ValidatableResponse put(String country, int year, String ifMatch) {
        return put(country, year, ifMatch, "test");
    }

    /** A delegation's amounts for its own nation, in euros except for Canada; a note of its own makes a new body. */
    static ValidatableResponse put(String country, int year, String ifMatch, String note) {
        var request = given().auth().oauth2(TestTokens.delegation(country)).contentType(ContentType.JSON)
                .body(SubmissionJson.aSubmission().withCurrency(country.equals("CAN") ? "CAD" : "EUR")
                        .withGdp(new BigDecimal("40000000000")).withTotal("1360000000").withNote(note).build());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/submissions/" + country + "/" + year).then();
    }

    @Test
    void theOlderEditionLoadedAfterTheNewerIsKeptInTheHistoryButNotCurrent() {
        editionsLoadedNewestFirst();
        assertEquals(rowsOf(NEW), loadedNew.getInt("rows"));
        assertEquals(Map.of("CREATED", rowsOf(NEW)), loadedNew.getMap("outcomes"));
        // Every key of the 2025 edition (31 Allies 2014-2025, Germany's 2025 blank) is in the 2026 edition.
        assertEquals(Map.of("SUPERSEDED", rowsOf(OLD)), loadedOld.getMap("outcomes"));

        // Poland 2025: 4.48 in the 2025 edition, restated as 4.25 in the 2026 one; the 2026 figure stays current.
        read("POL/2025").statusCode(200).header("ETag", equalTo("\"r1\"")).body("revision", equalTo(1))
                .body("publishedRatio.defencePctGdp", equalTo(4.25f))
                .body("publishedRatio.personnelPct", equalTo(29.58f))
                .body("publishedRatio.realChangePct", equalTo(17.51f))
                .body("publishedRatio.equipmentPct", nullValue())
                .body("knownSince", equalTo(dayOf(NEW).toString()))
                .body("source", equalTo(NEW.title()));
        read("POL/2025/revisions").statusCode(200).body("revision", equalTo(List.of(1, 2)))
                .body("publishedRatio.defencePctGdp", equalTo(List.of(4.25f, 4.4805f)))
                .body("knownSince", equalTo(List.of(dayOf(NEW).toString(), dayOf(OLD).toString())))
                .body("source", equalTo(List.of(NEW.title(), OLD.title())));
        // Slovenia 2026 (only in the newer edition): 1.61, the only Ally below 2% that year.
        read("SVN/2026").statusCode(200).body("revision", equalTo(1)).body("publishedRatio.defencePctGdp", equalTo(1.61f));
        // The list shows current revisions only: Albania 2025 is the 2026 edition's 1.48, not the 2025 edition's 2.01.
        given().auth().oauth2(STAFF).queryParam("country", "ALB").queryParam("year", 2025).get("/api/v1/submissions")
                .then().statusCode(200).body("publishedRatio.defencePctGdp", equalTo(List.of(1.48f)));
    }

    @Test
    void theFeedCarriesEveryRevisionWithSinceWhenItWasKnownAndItsSource() {
        editionsLoadedNewestFirst();
        JsonPath feed = given().auth().oauth2(STAFF).queryParam("after", 0).queryParam("limit", 1000)
                .get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> pol2025 = feed.getList("items.findAll { it.country == 'POL' && it.year == 2025 }");
        assertEquals(List.of(1, 2), pol2025.stream().map(i -> i.get("revision")).toList());
        assertEquals(List.of(dayOf(NEW).toString(), dayOf(OLD).toString()),
                pol2025.stream().map(i -> i.get("knownSince")).toList());
        assertEquals(List.of(NEW.title(), OLD.title()), pol2025.stream().map(i -> i.get("source")).toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> ratio = (Map<String, Object>) pol2025.get(0).get("publishedRatio");
        assertEquals(29.58f, ratio.get("personnelPct"));
        assertEquals(17.51f, ratio.get("realChangePct"));
    }

    @Test
    void anEditionLoadedAgainOnItsDayAddsNothing() {
        editionsLoadedNewestFirst();
        importEdition(OLD).statusCode(200).body("outcomes", equalTo(Map.of("UNCHANGED", rowsOf(OLD))));
        importEdition(NEW).statusCode(200).body("outcomes", equalTo(Map.of("UNCHANGED", rowsOf(NEW))));
        read("LTU/2024/revisions").statusCode(200).body("revision", equalTo(List.of(1, 2)));
    }

    @Test
    void aDelegationsPutAfterBothEditionsBecomesCurrentKnownSinceItsReceipt() {
        editionsLoadedNewestFirst();
        // Estonia 2025 holds only NATO's ratios (its current one from the 2026 edition): its first amounts need no ETag.
        JsonPath written = put("EST", 2025, null).statusCode(200).header("ETag", equalTo("\"r3\""))
                .header("X-Revision-Outcome", equalTo("REVISED")).extract().jsonPath();
        assertEquals(written.getString("receivedAt"), written.getString("knownSince"));
        assertTrue(Instant.parse(written.getString("knownSince")).isAfter(dayOf(NEW)));
        read("EST/2025").statusCode(200).header("ETag", equalTo("\"r3\"")).body("kind", equalTo("AMOUNTS"))
                .body("defence.total", equalTo(1360000000)).body("source", nullValue());
        read("EST/2025/revisions").statusCode(200).body("revision", equalTo(List.of(1, 2, 3)))
                .body("kind", equalTo(List.of("PUBLISHED_RATIO", "PUBLISHED_RATIO", "AMOUNTS")));
    }

    @Test
    void ifMatchNamesTheCurrentRevisionNotTheLastOneStored() {
        editionsLoadedNewestFirst();
        // Latvia 2025: revision 2 (the 2025 edition) is the last stored; revision 1 (the 2026 edition) is current.
        read("LVA/2025").statusCode(200).header("ETag", equalTo("\"r1\""));
        put("LVA", 2025, "\"r2\"").statusCode(412).contentType("application/problem+json")
                .body("field", equalTo("If-Match"));
        read("LVA/2025/revisions").statusCode(200).body("revision", equalTo(List.of(1, 2)));
        put("LVA", 2025, "\"r1\"").statusCode(200).header("ETag", equalTo("\"r3\""));
        read("LVA/2025").statusCode(200).header("ETag", equalTo("\"r3\"")).body("kind", equalTo("AMOUNTS"));
    }

    @Test
    void aNationsFiguresStayCurrentWhenAnEditionPublishedBeforeThemIsLoaded() {
        // Canada submits its 2027 budget; staff then load a table published in July 2026 that estimated 2027.
        put("CAN", 2027, null).statusCode(201).header("ETag", equalTo("\"r1\""));
        given().auth().oauth2(STAFF).contentType("text/csv").queryParam("source", "a July 2026 table")
                .queryParam("publishedOn", "2026-07-07").body("country,year,status,defence_pct_gdp\nCAN,2027,ESTIMATE,1.5\n")
                .post("/api/v1/imports").then().statusCode(200).body("outcomes", equalTo(Map.of("SUPERSEDED", 1)));
        read("CAN/2027").statusCode(200).header("ETag", equalTo("\"r1\"")).body("kind", equalTo("AMOUNTS"));
        // The nation's figures are current: revising them still needs their ETag, not the stored table's.
        put("CAN", 2027, null, "revised").statusCode(428);
        put("CAN", 2027, "\"r2\"", "revised").statusCode(412);
        read("CAN/2027/revisions").statusCode(200).body("revision", equalTo(List.of(1, 2)));
        put("CAN", 2027, "\"r1\"", "revised").statusCode(200).header("ETag", equalTo("\"r3\""));
    }

    @Test
    void figuresEqualToTheCurrentButKnownEarlierAreKeptAsHistory() {
        // Loaded first without its date, then again with it: the figures are current either way, and the history
        // now also says they were known since the publication day.
        String csv = "country,year,status,defence_pct_gdp\nNOR,2027,ESTIMATE,2.2\n";
        given().auth().oauth2(STAFF).contentType("text/csv").queryParam("source", "a table").body(csv)
                .post("/api/v1/imports").then().statusCode(200).body("outcomes", equalTo(Map.of("CREATED", 1)));
        given().auth().oauth2(STAFF).contentType("text/csv").queryParam("source", "a table")
                .queryParam("publishedOn", "2026-07-07").body(csv)
                .post("/api/v1/imports").then().statusCode(200).body("outcomes", equalTo(Map.of("SUPERSEDED", 1)));
        read("NOR/2027").statusCode(200).header("ETag", equalTo("\"r1\""));
        read("NOR/2027/revisions").statusCode(200).body("revision", equalTo(List.of(1, 2)))
                .body("knownSince[1]", equalTo(LocalDate.of(2026, 7, 7).atStartOfDay(ZoneOffset.UTC)
                        .toInstant().toString()));
    }
}
