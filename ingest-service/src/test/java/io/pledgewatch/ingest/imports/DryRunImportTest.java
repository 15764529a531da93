package io.pledgewatch.ingest.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.pledgewatch.ingest.support.PostgresProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An import's dry run ({@code POST /api/v1/imports?dryRun=true}): the import's own parsing, validation and
 * authorization, nothing stored, and the revisions it would store in the feed's shape. Refusals are compared with the
 * real import's answer to the same body, not with expectations of their own.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class DryRunImportTest {

    static final String HEADER = "country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,"
            + "defence_infrastructure,defence_other,related_innovation,note";

    @Inject
    EntityManager entities;

    static Response post(String token, String csv, boolean dryRun) {
        var request = given().auth().oauth2(token).contentType("text/csv").body(csv);
        if (dryRun) {
            request.queryParam("dryRun", "true");
        }
        return request.post("/api/v1/imports");
    }

    /** Heads, revisions (each a feed entry, and what an import's id is recorded on) and the feed's last position. */
    List<Long> stored() {
        return QuarkusTransaction.requiringNew().call(() -> List.of(
                entities.createQuery("select count(s) from Submission s", Long.class).getSingleResult(),
                entities.createQuery("select count(r) from SubmissionRevision r", Long.class).getSingleResult(),
                entities.createQuery("select count(r) from SubmissionRevision r where r.importId is not null", Long.class)
                        .getSingleResult(),
                entities.createQuery("select c.lastSeq from FeedCounter c", Long.class).getSingleResult()));
    }

    /** Greece's figures are stored by no other test of this module, which share the database. */
    @Test
    void aDryRunAnswersTheRevisionsTheImportWouldStoreAndStoresNothing() {
        // Greece 2031: 2.5 bn of 50 bn EUR split 600 + 1,000 + 400 + 500 million; 2032 given with decimals.
        String csv = HEADER + "\n"
                + "GRC,2031,PLAN,EUR,50000000000,2500000000,600000000,1000000000,400000000,500000000,250000000,first\n"
                + "GRC,2032,PLAN,EUR,52000000000.00,2600000000,650000000,1000000000,450000000,500000000,0,\n";
        List<Long> before = stored();

        JsonPath dry = post(TestTokens.delegation("GRC"), csv, true).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("rows", equalTo(2))
                .body("importId", nullValue()).body("outcomes", nullValue())
                .extract().jsonPath();
        assertEquals(before, stored(), "a dry run stores no head, revision, import or feed position");
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/submissions/GRC/2031").then().statusCode(404);

        assertEquals(List.of("GRC", "GRC"), dry.getList("items.country"));
        assertEquals(List.of(2031, 2032), dry.getList("items.year"));
        assertEquals(List.of(2, 3), dry.getList("items.line"), "the CSV lines");
        assertEquals(List.of(0, 0), dry.getList("items.revision"), "not numbered: nothing was stored");
        assertEquals("AMOUNTS", dry.getString("items[0].kind"));
        assertEquals("delegation:officer@grc", dry.getString("items[0].submittedBy"));
        assertEquals(2.5e9, dry.getDouble("items[0].defence.total"));
        assertEquals(6.0e8, dry.getDouble("items[0].defence.equipment"));
        assertEquals(2.5e8, dry.getDouble("items[0].related.innovation"));
        assertEquals("first", dry.getString("items[0].note"));
        assertEquals(5.2e10, dry.getDouble("items[1].gdp"));

        post(TestTokens.delegation("GRC"), csv, false).then().statusCode(200).body("outcomes.CREATED", equalTo(2));
        assertNotEquals(before, stored(), "the real import stores what the dry run did not");
        for (int i = 0; i < 2; i++) {
            Map<String, Object> wouldBe = dry.getMap("items[" + i + "]");
            Map<String, Object> is = given().auth().oauth2(TestTokens.staff())
                    .get("/api/v1/submissions/GRC/" + wouldBe.get("year")).then().statusCode(200).extract().jsonPath()
                    .getMap("");
            assertEquals(figures(wouldBe), figures(is), "the dry run showed the revision as it was then stored");
        }
    }

    /** A revision's figures and who sent them, without what storing gives it (number, position, times, line). */
    static Map<String, Object> figures(Map<String, Object> revision) {
        Map<String, Object> figures = new java.util.TreeMap<>(revision);
        figures.keySet().removeAll(List.of("revision", "seq", "receivedAt", "knownSince", "line", "etag"));
        return figures;
    }

    @Test
    void badRowsGetTheRealImportsProblemAndNothingIsStored() {
        String good = "LVA,2031,PLAN,EUR,40000000000,1600000000,400000000,600000000,300000000,300000000,0,";
        List<String> bodies = List.of(
                "",
                HEADER + "\n",
                HEADER + "\n" + good.replace("40000000000", "forty") + "\n",
                HEADER + "\n" + good.replace(",1600000000,", ",1600000100,") + "\n",
                HEADER + "\n" + good.replace(",EUR,", ",USD,") + "\n",
                HEADER + "\n" + good + "\n" + good + "\n",
                HEADER + ",colour\n" + good + ",red\n",
                HEADER + "\n" + good + ",extra\n",
                HEADER + "\n" + good.replace(",2031,", ",2003,") + "\n");
        List<Long> before = stored();
        for (String body : bodies) {
            Response dry = post(TestTokens.delegation("LVA"), body, true);
            Response real = post(TestTokens.delegation("LVA"), body, false);
            assertEquals(real.statusCode(), dry.statusCode(), body);
            assertEquals(real.contentType(), dry.contentType(), body);
            assertEquals(real.jsonPath().getMap(""), dry.jsonPath().getMap(""), body);
            assertEquals(4, dry.statusCode() / 100, "refused: " + body);
        }
        assertEquals(before, stored());
    }

    @Test
    void aDelegationDryRunsOnlyItsOwnNationsAmounts() {
        String csv = HEADER + "\n"
                + "HRV,2031,PLAN,EUR,90000000000,2000000000,500000000,700000000,400000000,400000000,0,\n"
                + "MKD,2031,PLAN,MKD,900000000000,20000000000,5000000000,7000000000,4000000000,4000000000,0,\n";
        List<Long> before = stored();
        post(TestTokens.delegation("HRV"), csv, true).then().statusCode(403).contentType("application/problem+json")
                .body("field", equalTo("country"));
        post(TestTokens.delegation("ALB"), "country,year,status,defence_pct_gdp,source\nALB,2024,ACTUAL,2.1,own\n", true)
                .then().statusCode(403).body("field", equalTo("defence_pct_gdp"));
        post(TestTokens.service(), csv, true).then().statusCode(403);
        given().contentType("text/csv").body(csv).queryParam("dryRun", "true").post("/api/v1/imports").then()
                .statusCode(401);
        post(TestTokens.staff(), csv, true).then().statusCode(200).body("items.country", equalTo(List.of("HRV", "MKD")));
        assertEquals(before, stored());
    }

    @Test
    void aStaffDryRunOfADatedEditionShowsTheDayItIsKnownSince() {
        List<Long> before = stored();
        given().auth().oauth2(TestTokens.staff()).contentType("text/csv").queryParam("dryRun", "true")
                .queryParam("publishedOn", "2025-08-28").queryParam("source", "NATO 2025")
                .body("country,year,status,defence_pct_gdp,equipment_pct\nPOL,2025,ESTIMATE,4.48,51.2\n")
                .post("/api/v1/imports").then().statusCode(200)
                .body("items[0].kind", equalTo("PUBLISHED_RATIO"))
                .body("items[0].knownSince", equalTo("2025-08-28T00:00:00Z"))
                .body("items[0].publishedRatio.source", equalTo("NATO 2025"))
                .body("items[0].publishedRatio.defencePctGdp", equalTo(4.48f));
        assertEquals(before, stored());
    }

    @Test
    void aDryRunFlagThatIsNeitherTrueNorFalseIsRefusedNamingIt() {
        given().auth().oauth2(TestTokens.staff()).contentType("text/csv").queryParam("dryRun", "yes")
                .body("country,year,status,defence_pct_gdp,source\nGBR,2016,ACTUAL,2.1,s\n").post("/api/v1/imports")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("dryRun"));
    }
}
