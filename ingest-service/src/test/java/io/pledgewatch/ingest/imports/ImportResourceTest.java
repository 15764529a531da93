package io.pledgewatch.ingest.imports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.pledgewatch.ingest.support.PostgresProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.Allies;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class ImportResourceTest {

    static final String STAFF = TestTokens.staff();

    static ValidatableResponse importCsv(String csv, String source) {
        var request = given().auth().oauth2(STAFF).contentType("text/csv").body(csv);
        if (source != null) {
            request.queryParam("source", source);
        }
        return request.when().post("/api/v1/imports").then();
    }

    static ValidatableResponse current(String path) {
        return given().auth().oauth2(STAFF).get("/api/v1/submissions/" + path).then();
    }

    @Test
    void natosPublishedSeriesImportsWhole() {
        String csv = String.join("\n", Allies.publishedSeriesLines()) + "\n";
        importCsv(csv, "NATO, Defence Expenditure of NATO Countries (2014-2025), Table 3")
                .statusCode(200).body("rows", equalTo(371));
        current("POL/2025").statusCode(200).body("kind", equalTo("PUBLISHED_RATIO"))
                .body("publishedRatio.defencePctGdp", equalTo(4.4805f))
                .body("publishedRatio.source", containsString("NATO"));
        // NATO publishes years before accession for comparison: kept, and marked as not an Ally's year.
        current("FIN/2014").statusCode(200).body("assessed", is(false))
                .body("notAssessedReason", containsString("not yet an Ally"));
        current("DEU/2025").statusCode(404);
        // Importing the same series again changes nothing.
        importCsv(csv, "NATO, Defence Expenditure of NATO Countries (2014-2025), Table 3")
                .statusCode(200).body("outcomes.UNCHANGED", equalTo(371));
    }

    @Test
    void oneBadRowRefusesTheWholeImportNamingRowAndColumn() {
        String csv = """
                country,year,status,defence_pct_gdp,source
                NOR,2016,ACTUAL,1.5,ok
                NOR,2017,ACTUAL,abc,ok
                NOR,2018,ACTUAL,1.6,ok
                XXX,2018,ACTUAL,1.6,ok
                """;
        importCsv(csv, null).statusCode(422).contentType("application/problem+json")
                .body("errors.find { it.row == 3 }.field", equalTo("defence_pct_gdp"))
                .body("errors.find { it.row == 5 }.field", equalTo("country"));
        current("NOR/2016").statusCode(404);
        current("NOR/2018").statusCode(404);
    }

    @Test
    void amountRowsAreStoredAsAmountsThroughTheSameRules() {
        String csv = """
                country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,defence_infrastructure,defence_other,usd_rate,note
                CAN,2026,PLAN,CAD,3100000000000,62000000000,12000000000,25000000000,5000000000,20000000000,1.37,plan
                """;
        importCsv(csv, null).statusCode(200).body("outcomes.CREATED", equalTo(1));
        current("CAN/2026").statusCode(200).body("kind", equalTo("AMOUNTS"))
                .body("defence.total", equalTo(62000000000L)).body("related.innovation", equalTo(0));
        String wrong = csv.replace("CAN,2026,PLAN,CAD", "CAN,2027,PLAN,USD").replace("20000000000,1.37", "20000000099,1.37");
        importCsv(wrong, null).statusCode(422)
                .body("errors.field", hasItem("currency")).body("errors.field", hasItem("defence_total"));
        current("CAN/2027").statusCode(404);
    }

    @Test
    void publishedRatiosNeedASource() {
        importCsv("country,year,status,defence_pct_gdp\nGBR,2016,ACTUAL,2.1\n", null)
                .statusCode(422).body("field", equalTo("source")).body("errors[0].row", equalTo(2));
        importCsv("country,year,status,defence_pct_gdp,source\nGBR,2016,ACTUAL,2.1,Own table\n", null)
                .statusCode(200);
        current("GBR/2016").statusCode(200).body("publishedRatio.source", equalTo("Own table"));
    }

    @Test
    void structuralProblemsAreRefused() {
        importCsv("country,year,status,defence_pct_gdp,colour\nGBR,2017,ACTUAL,2.1,red\n", "s")
                .statusCode(422).body("field", equalTo("colour"));
        importCsv("country,status\nGBR,ACTUAL\n", "s").statusCode(422).body("errors.field", hasItem("year"));
        importCsv("country,year,status,defence_pct_gdp\n", "s").statusCode(422).body("field", equalTo("body"))
                .body("detail", containsString("no rows"));
        importCsv("", "s").statusCode(400).body("field", equalTo("body")).body("detail", containsString("empty"));
        given().auth().oauth2(STAFF).contentType("application/json").body(Map.of("a", 1))
                .post("/api/v1/imports").then().statusCode(415).contentType("application/problem+json");
        current("GBR/2017").statusCode(404);
    }

    /**
     * Successive editions of a series in one file (an estimate, then the actual figure) are successive revisions, in
     * the file's order and interleaved with other keys as they come; a row equal to the one before it is unchanged.
     */
    @Test
    void aSeriesMayReviseAYearSeveralTimesInTheFilesOrder() {
        importCsv("country,year,status,defence_pct_gdp\nISL,2019,ACTUAL,0.1\n", "first edition")
                .statusCode(200).body("outcomes.CREATED", equalTo(1));
        long before = given().auth().oauth2(STAFF).queryParam("limit", 1).get("/api/v1/feed").then().statusCode(200)
                .extract().jsonPath().getLong("latest");
        String editions = """
                country,year,status,defence_pct_gdp,source
                ISL,2019,ESTIMATE,0.11,2020 edition
                ISL,2018,ESTIMATE,1.84,2020 edition
                ISL,2019,ACTUAL,0.12,2021 edition
                ISL,2018,ACTUAL,1.86,2021 edition
                ISL,2019,ACTUAL,0.12,2021 edition
                ISL,2018,ACTUAL,1.87,2022 edition
                """;
        importCsv(editions, null).statusCode(200).body("rows", equalTo(6))
                .body("outcomes.CREATED", equalTo(1)).body("outcomes.REVISED", equalTo(4))
                .body("outcomes.UNCHANGED", equalTo(1));
        given().auth().oauth2(STAFF).get("/api/v1/submissions/ISL/2019/revisions").then().statusCode(200)
                .body("revision", equalTo(List.of(1, 2, 3)))
                .body("publishedRatio.defencePctGdp", equalTo(List.of(0.1f, 0.11f, 0.12f)))
                .body("status", equalTo(List.of("ACTUAL", "ESTIMATE", "ACTUAL")));
        given().auth().oauth2(STAFF).get("/api/v1/submissions/ISL/2018/revisions").then().statusCode(200)
                .body("revision", equalTo(List.of(1, 2, 3)))
                .body("publishedRatio.source", equalTo(List.of("2020 edition", "2021 edition", "2022 edition")));
        current("ISL/2018").statusCode(200).header("ETag", equalTo("\"r3\""))
                .body("publishedRatio.defencePctGdp", equalTo(1.87f));
        // The feed carries every revision, each key's in the order it was revised.
        List<Map<String, Object>> feed = given().auth().oauth2(STAFF).queryParam("after", before).get("/api/v1/feed")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.country == 'ISL' }");
        assertEquals(List.of(2, 3), feed.stream().filter(i -> i.get("year").equals(2019))
                .map(i -> i.get("revision")).toList());
        assertEquals(List.of(1, 2, 3), feed.stream().filter(i -> i.get("year").equals(2018))
                .map(i -> i.get("revision")).toList());
    }

    @Test
    void ratiosOutsideZeroToHundredAreRefused() {
        importCsv("country,year,status,defence_pct_gdp,equipment_pct\nUSA,2016,ACTUAL,101,20\nUSA,2017,ACTUAL,3.1,-2\n", "s")
                .statusCode(422).body("errors.find { it.row == 2 }.field", equalTo("defence_pct_gdp"))
                .body("errors.find { it.row == 3 }.field", equalTo("equipment_pct"));
    }

    @Test
    void publishedSharesAndRealChangeAreStoredAndShownBesideTheRatio() {
        long before = given().auth().oauth2(STAFF).queryParam("limit", 1).get("/api/v1/feed").then().statusCode(200)
                .extract().jsonPath().getLong("latest");
        importCsv("country,year,status,defence_pct_gdp,equipment_pct,personnel_pct,real_change_pct\n"
                + "GBR,2028,ESTIMATE,3.2,30.5,25.25,-3.125\nGBR,2029,ESTIMATE,3.3,,,\n", "an edition")
                .statusCode(200).body("outcomes.CREATED", equalTo(2));
        current("GBR/2028").statusCode(200).body("publishedRatio.equipmentPct", equalTo(30.5f))
                .body("publishedRatio.personnelPct", equalTo(25.25f))
                .body("publishedRatio.realChangePct", equalTo(-3.125f))
                .body("source", equalTo("an edition"));
        current("GBR/2029").statusCode(200).body("publishedRatio.defencePctGdp", equalTo(3.3f))
                .body("publishedRatio.containsKey('personnelPct')", is(false))
                .body("publishedRatio.containsKey('realChangePct')", is(false));
        List<Map<String, Object>> feed = given().auth().oauth2(STAFF).queryParam("after", before)
                .get("/api/v1/feed").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.country == 'GBR' && it.year == 2028 }.publishedRatio");
        assertEquals(List.of(25.25f), feed.stream().map(r -> r.get("personnelPct")).toList());
        assertEquals(List.of(-3.125f), feed.stream().map(r -> r.get("realChangePct")).toList());
    }

    @Test
    void publishedSharesOutsideTheirBoundsOrBesideAmountsAreRefused() {
        importCsv("country,year,status,defence_pct_gdp,personnel_pct,real_change_pct\n"
                + "GBR,2030,ESTIMATE,3.2,100.5,2\nGBR,2031,ESTIMATE,3.2,20,-100.5\n"
                + "GBR,2032,ESTIMATE,3.2,20,1000.1\nGBR,2033,ESTIMATE,3.2,20.1234567,1.1234567\n", "s")
                .statusCode(422).contentType("application/problem+json")
                .body("errors.find { it.row == 2 }.field", equalTo("personnel_pct"))
                .body("errors.find { it.row == 3 }.field", equalTo("real_change_pct"))
                .body("errors.find { it.row == 4 }.field", equalTo("real_change_pct"))
                .body("errors.findAll { it.row == 5 }.field", equalTo(List.of("personnel_pct", "real_change_pct")));
        // A share beside amounts would be dropped without a word: refused instead, naming it.
        importCsv("""
                country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,defence_infrastructure,defence_other,personnel_pct
                GBR,2034,PLAN,GBP,3100000000000,62000000000,12000000000,25000000000,5000000000,20000000000,40
                """, null).statusCode(422).body("errors[0].field", equalTo("personnel_pct"));
        for (int year = 2030; year <= 2034; year++) {
            current("GBR/" + year).statusCode(404);
        }
    }

    @Test
    void onlyStaffDateAnImport() {
        String plan = "country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,"
                + "defence_infrastructure,defence_other\nDEU,2028,PLAN,EUR,150000000000,3000000000,800000000,"
                + "1200000000,300000000,700000000\n";
        given().auth().oauth2(TestTokens.delegation("DEU")).contentType("text/csv").queryParam("publishedOn", "2026-07-07")
                .body(plan).post("/api/v1/imports").then().statusCode(403).contentType("application/problem+json")
                .body("field", equalTo("publishedOn"));
        current("DEU/2028").statusCode(404);
        // Undated, the same plan is the delegation's own, known since it was received.
        given().auth().oauth2(TestTokens.delegation("DEU")).contentType("text/csv").body(plan)
                .post("/api/v1/imports").then().statusCode(200);
        current("DEU/2028").statusCode(200).body("knownSince", equalTo(current("DEU/2028").extract().path("receivedAt")));
    }

    @Test
    void aPublicationDayAfterTodayOrNotADateIsRefused() {
        String csv = "country,year,status,defence_pct_gdp\nDEU,2029,ESTIMATE,2.0\n";
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        for (String day : List.of(tomorrow, "2026-13-01", "07/07/2026", "2026-7-7")) {
            given().auth().oauth2(STAFF).contentType("text/csv").queryParam("source", "s").queryParam("publishedOn", day)
                    .body(csv).post("/api/v1/imports").then().statusCode(day.equals(tomorrow) ? 422 : 400)
                    .contentType("application/problem+json").body("field", equalTo("publishedOn"));
        }
        current("DEU/2029").statusCode(404);
        // Today is a day on which figures can have been published: known since its start.
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().auth().oauth2(STAFF).contentType("text/csv").queryParam("source", "s").queryParam("publishedOn", today)
                .body(csv).post("/api/v1/imports").then().statusCode(200);
        current("DEU/2029").statusCode(200).body("knownSince", equalTo(today + "T00:00:00Z"));
    }
}
