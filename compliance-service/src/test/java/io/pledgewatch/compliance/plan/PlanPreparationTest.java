package io.pledgewatch.compliance.plan;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.compliance.follower.FeedFollower;
import io.pledgewatch.compliance.support.IngestProcess;
import io.pledgewatch.compliance.support.SuiteProfile;
import io.pledgewatch.platform.problem.Problem;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plan check and what a plan needs, through real HTTP, following a real ingest-service, with figures computed by
 * hand. Luxembourg's plan starts from 2.0% in 2025 with no related spending, so its paths are
 * path35(y) = 2.0 + 0.15 × (y − 2025) and path5(y) = 2.0 + 0.3 × (y − 2025): 2.6 and 3.2 in 2029.
 */
@QuarkusTest
@TestProfile(SuiteProfile.class)
class PlanPreparationTest {

    static final String HEADER = "country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,"
            + "defence_infrastructure,defence_other,related_critical_infrastructure";

    /** Luxembourg 2029: a GDP whose 2.6% is not a whole number of euros. */
    static final String LUX_GDP_2029 = "91234567891";

    @Inject
    FeedFollower follower;

    @Inject
    EntityManager entities;

    /** An amounts row: D split equipment 30%, personnel 40%, infrastructure 10% (rounded down), other the rest. */
    static String row(String country, int year, String currency, String gdp, String defence, String related) {
        BigDecimal d = new BigDecimal(defence);
        BigDecimal equipment = d.multiply(new BigDecimal("0.3")).setScale(0, RoundingMode.DOWN);
        BigDecimal personnel = d.multiply(new BigDecimal("0.4")).setScale(0, RoundingMode.DOWN);
        BigDecimal infrastructure = d.multiply(new BigDecimal("0.1")).setScale(0, RoundingMode.DOWN);
        BigDecimal other = d.subtract(equipment).subtract(personnel).subtract(infrastructure);
        return String.join(",", country, String.valueOf(year), "PLAN", currency, gdp, defence, equipment.toPlainString(),
                personnel.toPlainString(), infrastructure.toPlainString(), other.toPlainString(), related);
    }

    static String csv(String... rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    static String lux2029(String defence) {
        return row("LUX", 2029, "EUR", LUX_GDP_2029, defence, "1824691358");
    }

    /**
     * Core 2.2, 2.4, 2.45, then 2029 at 2,280,864,197 EUR (just under 2.5%, below its 2.6 path), then 2.8 … 3.5 in
     * 2035; related spending 2% of GDP throughout, of which 1.5 is credited: every year but 2029 is on both paths.
     */
    static String luxPlanShortIn2029() {
        return csv(row("LUX", 2025, "EUR", "80000000000", "1600000000", "0"),
                row("LUX", 2026, "EUR", "83000000000", "1826000000", "1660000000"),
                row("LUX", 2027, "EUR", "86000000000", "2064000000", "1720000000"),
                row("LUX", 2028, "EUR", "89000000000", "2180500000", "1780000000"),
                lux2029("2280864197"),
                row("LUX", 2030, "EUR", "95000000000", "2660000000", "1900000000"),
                row("LUX", 2031, "EUR", "98000000000", "2842000000", "1960000000"),
                row("LUX", 2032, "EUR", "101000000000", "3131000000", "2020000000"),
                row("LUX", 2033, "EUR", "104000000000", "3432000000", "2080000000"),
                row("LUX", 2034, "EUR", "107000000000", "3638000000", "2140000000"),
                row("LUX", 2035, "EUR", "110000000000", "3850000000", "2200000000"));
    }

    static void importAs(String country, String csv) {
        given().baseUri(IngestProcess.ingestUrl()).auth().oauth2(TestTokens.delegation(country)).contentType("text/csv")
                .body(csv).post("/api/v1/imports").then().statusCode(200);
    }

    static Response check(String token, String country, String csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv).post("/api/v1/plans/" + country + "/check");
    }

    static JsonPath checked(String country, String csv) {
        return check(TestTokens.delegation(country), country, csv).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath requirements(String token, String country, String gdpGrowth) {
        var request = given().auth().oauth2(token);
        if (gdpGrowth != null) {
            request.queryParam("gdpGrowth", gdpGrowth);
        }
        return request.get("/api/v1/plans/" + country + "/requirements").then().statusCode(200).extract().jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static Map<String, Object> year(JsonPath requirements, int year) {
        return requirements.getMap("years.find { it.year == " + year + " }");
    }

    /**
     * What is stored of the nation here and at ingest: every table this service writes, ingest's revisions of the
     * nation, and ingest's feed (its last position: any revision of any nation moves it).
     */
    List<Object> stored(String country) {
        List<Object> counts = QuarkusTransaction.requiringNew().call(() -> List.of(
                entities.createQuery("select count(r) from RevisionInput r", Long.class).getSingleResult(),
                entities.createQuery("select count(h) from RevisionHistory h", Long.class).getSingleResult(),
                entities.createQuery("select count(a) from AssessmentRecord a", Long.class).getSingleResult()));
        String revisions = given().baseUri(IngestProcess.ingestUrl()).auth().oauth2(TestTokens.staff())
                .queryParam("country", country).get("/api/v1/submissions").then().statusCode(200).extract().asString();
        String plan = given().auth().oauth2(TestTokens.staff()).get("/api/v1/plans/" + country).then().statusCode(200)
                .extract().jsonPath().getMap("").entrySet().stream().filter(e -> !e.getKey().equals("asOf")).toList().toString();
        long feed = given().baseUri(IngestProcess.ingestUrl()).auth().oauth2(TestTokens.staff()).queryParam("limit", 1)
                .get("/api/v1/feed").then().statusCode(200).extract().jsonPath().getLong("latest");
        return List.of(counts, revisions, plan, feed);
    }

    @BeforeEach
    void caughtUp() {
        follower.catchUp();
    }

    @Test
    void aPlanShortIn2029IsCredibleExactlyWhen2029ReachesTheRequiredAmount() {
        importAs("LUX", luxPlanShortIn2029());
        follower.catchUp();
        JsonPath storedPlan = given().auth().oauth2(TestTokens.delegation("LUX")).get("/api/v1/plans/LUX").then()
                .statusCode(200).extract().jsonPath();
        assertFalse(storedPlan.getBoolean("credible"));
        assertEquals(2029, storedPlan.getInt("firstShortfall.year"));
        assertEquals("onPath", storedPlan.getString("firstShortfall.check"));

        // 2029 needs 2.6% of 91,234,567,891 = 2,372,098,765.166 EUR core: 2,372,098,766 at least; 3.2% in total
        // = 2,919,506,172.512: 2,919,506,173, of which related spending 547,407,407.
        Map<String, Object> y2029 = year(requirements(TestTokens.delegation("LUX"), "LUX", null), 2029);
        assertEquals("revision", y2029.get("gdpSource"));
        assertEquals("EUR", y2029.get("currency"));
        assertNumber(LUX_GDP_2029, y2029.get("gdp"));
        assertSpending("2.6", "2372098766", y2029, "core");
        assertSpending("3.2", "2919506173", y2029, "hague");
        assertSpending("0.6", "547407407", y2029, "related");
        String required = y2029.get("coreAmount").toString();
        List<Object> before = stored("LUX");

        JsonPath asStored = checked("LUX", luxPlanShortIn2029());
        assertFalse(asStored.getBoolean("credible"), "the file as stored gets the stored plan's verdict");
        assertEquals(storedPlan.getMap("firstShortfall"), asStored.getMap("firstShortfall"));
        assertFalse(asStored.getBoolean("stored"));

        JsonPath raised = checked("LUX", csv(lux2029(required)));
        assertTrue(raised.getBoolean("credible"), raised.prettify());
        assertNull(raised.get("firstShortfall"));
        assertFalse(raised.getBoolean("stored"));
        assertEquals(List.of(2029), raised.getList("yearsFromBody"));
        assertEquals(Map.of("complete", true, "incremental", true, "onPath", true, "reaches2035", true),
                raised.getMap("checks"));
        assertEquals(10, raised.getList("years").size(), "every other year from the stored plan");

        JsonPath oneShort = checked("LUX", csv(lux2029(new BigDecimal(required).subtract(BigDecimal.ONE).toPlainString())));
        assertFalse(oneShort.getBoolean("credible"));
        assertEquals(2029, oneShort.getInt("firstShortfall.year"));
        assertEquals("onPath", oneShort.getString("firstShortfall.check"));

        assertEquals(before, stored("LUX"), "checks store nothing, here or at ingest");
    }

    @Test
    void aYearWithoutGdpIsGrownFromTheLatestGdpAcrossBulgariasChangeToTheEuro() {
        // 2025 in leva: 195,583,000,000 BGN is 100,000,000,000 EUR at the fixed 1.95583; core 2.0%, no related.
        importAs("BGR", csv(row("BGR", 2025, "BGN", "195583000000", "3911660000", "0"),
                row("BGR", 2028, "EUR", "120000000000", "3000000000", "0")));
        follower.catchUp();
        JsonPath r = requirements(TestTokens.staff(), "BGR", "2.5");
        assertNumber("2.5", r.get("gdpGrowth"));

        Map<String, Object> y2026 = year(r, 2026);
        assertEquals("EUR", y2026.get("currency"));
        assertEquals("grown", y2026.get("gdpSource"));
        assertEquals(2025, y2026.get("gdpFromYear"));
        assertNumber("102500000000", y2026.get("gdp"), "100 bn EUR × 1.025");
        // path35(2026) = 2.15%, path5(2026) = 2.3% of 102.5 bn
        assertSpending("2.15", "2203750000", y2026, "core");
        assertSpending("2.3", "2357500000", y2026, "hague");
        assertNumber("105062500000", year(r, 2027).get("gdp"), "100 bn EUR × 1.025²");

        Map<String, Object> y2028 = year(r, 2028);
        assertEquals("revision", y2028.get("gdpSource"));
        assertNull(y2028.get("gdpFromYear"));
        assertNumber("120000000000", y2028.get("gdp"));
        assertNumber("123000000000", year(r, 2029).get("gdp"), "grown from 2028, not 2025");

        Map<String, Object> y2035 = year(r, 2035);
        BigDecimal gdp2035 = new BigDecimal("120000000000").multiply(new BigDecimal("1.025").pow(7))
                .setScale(0, RoundingMode.HALF_UP);
        assertNumber(gdp2035.toPlainString(), y2035.get("gdp"));
        assertEquals(2028, y2035.get("gdpFromYear"));
        assertSpending("3.5", gdp2035.multiply(new BigDecimal("0.035")).setScale(0, RoundingMode.CEILING).toPlainString(),
                y2035, "core");

        assertNumber("103000000000", year(requirements(TestTokens.delegation("BGR"), "BGR", null), 2026).get("gdp"),
                "3% a year unless asked otherwise");
        assertNumber("90000000000", year(requirements(TestTokens.service(), "BGR", "-10"), 2026).get("gdp"),
                "a shrinking economy");
    }

    @Test
    void aNationThatReportedNoGdpGetsPercentagesWithoutAmounts() {
        JsonPath r = requirements(TestTokens.staff(), "CZE", null);
        assertEquals(10, r.getList("years").size());
        for (Map<String, Object> y : r.<Map<String, Object>>getList("years")) {
            assertNull(y.get("gdp"));
            assertEquals("none", y.get("gdpSource"));
            assertEquals("CZK", y.get("currency"));
            assertNull(y.get("coreAmount"));
            assertNull(y.get("hagueAmount"));
            assertTrue(y.containsKey("coreAmount"), "null, not left out");
        }
        assertNumber("3.5", year(r, 2035).get("core"));
        assertNumber("5.0", year(r, 2035).get("hague"));
    }

    @Test
    void aGrowthRateThatIsNoNumberOrOutOfRangeIsRefusedNamingIt() {
        for (String bad : List.of("abc", "3,0", "1e2")) {
            given().auth().oauth2(TestTokens.staff()).queryParam("gdpGrowth", bad).get("/api/v1/plans/CZE/requirements")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("gdpGrowth"));
        }
        for (String outOfRange : List.of("100.5", "-51", "250")) {
            given().auth().oauth2(TestTokens.staff()).queryParam("gdpGrowth", outOfRange)
                    .get("/api/v1/plans/CZE/requirements").then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                    .body("field", equalTo("gdpGrowth"));
        }
        requirements(TestTokens.staff(), "CZE", "100");
        requirements(TestTokens.staff(), "CZE", "-50");
    }

    @Test
    void aDelegationChecksAndReadsOnlyItsOwnNation() {
        String plan = csv(row("SVN", 2026, "EUR", "70000000000", "1500000000", "0"));
        check(TestTokens.delegation("HRV"), "SVN", plan).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TestTokens.delegation("HRV")).get("/api/v1/plans/SVN/requirements").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        check(TestTokens.service(), "SVN", plan).then().statusCode(403);
        given().contentType("text/csv").body(plan).post("/api/v1/plans/SVN/check").then().statusCode(401);
        given().get("/api/v1/plans/SVN/requirements").then().statusCode(401);
        check(TestTokens.staff(), "SVN", plan).then().statusCode(200).body("stored", equalTo(false))
                .body("country", equalTo("SVN"));
        check(TestTokens.staff(), "ISL", plan).then().statusCode(404);
        check(TestTokens.staff(), "XXX", plan).then().statusCode(404);
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/plans/ISL/requirements").then().statusCode(404);
    }

    /**
     * The check refuses {@code body} with the very problem the import gives the same caller for it: status, media
     * type and every field of the body.
     */
    static Response refusedAsTheImportRefusesIt(String token, String country, String body) {
        Response imported = given().baseUri(IngestProcess.ingestUrl()).auth().oauth2(token).contentType("text/csv")
                .body(body).post("/api/v1/imports");
        Response checked = check(token, country, body);
        assertEquals(4, imported.statusCode() / 100, "the import refuses it: " + imported.asString());
        assertEquals(imported.statusCode(), checked.statusCode(), body);
        assertEquals(imported.contentType(), checked.contentType(), body);
        assertEquals(imported.jsonPath().getMap(""), checked.jsonPath().getMap(""), body);
        return checked;
    }

    @Test
    void badRowsAreRefusedAsTheImportRefusesThemAndNothingIsStored() {
        List<Object> before = stored("MNE");
        String good = row("MNE", 2026, "EUR", "7000000000", "150000000", "0");
        String mne = TestTokens.delegation("MNE");
        refusedAsTheImportRefusesIt(mne, "MNE", "").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("body"));
        // Another nation's row: the import refuses a delegation's whole body for it.
        refusedAsTheImportRefusesIt(mne, "MNE", csv(good, row("POL", 2027, "PLN", "7000000000", "150000000", "0")))
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("field", equalTo("country"));
        refusedAsTheImportRefusesIt(mne, "MNE", csv(good.replace("7000000000", "seven"))).then().statusCode(422)
                .body("errors[0].field", equalTo("gdp")).body("errors[0].row", equalTo(2));
        refusedAsTheImportRefusesIt(mne, "MNE", csv(good.replace(",150000000,", ",150000100,"))).then()
                .statusCode(422).body("errors[0].field", equalTo("defence_total"));
        refusedAsTheImportRefusesIt(mne, "MNE", csv(good, good)).then().statusCode(422)
                .body("errors[0].field", equalTo("year")).body("errors[0].row", equalTo(3));
        refusedAsTheImportRefusesIt(mne, "MNE", HEADER + "\n" + good + ",extra\n").then().statusCode(400)
                .body("field", equalTo("body"));
        // The import takes 2024 and a staff series of any nation; a plan check does not.
        check(mne, "MNE", csv(good.replace(",2026,", ",2024,"))).then().statusCode(422)
                .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("year")).body("errors[0].row", equalTo(2));
        check(TestTokens.staff(), "MNE", csv(good, row("POL", 2027, "PLN", "7000000000", "150000000", "0"))).then()
                .statusCode(422).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("country"))
                .body("errors[0].row", equalTo(3));
        check(TestTokens.staff(), "MNE", csv(good, good)).then().statusCode(422).body("errors[0].field", equalTo("year"))
                .body("errors[0].row", equalTo(3));
        check(TestTokens.staff(), "MNE", "country,year,status,defence_pct_gdp,source\nMNE,2026,ESTIMATE,2.1,own\n").then()
                .statusCode(422).body("errors[0].field", equalTo("defence_pct_gdp"));
        refusedAsTheImportRefusesIt(mne, "MNE", csv(good.replace(",EUR,", ",USD,"))).then().statusCode(422)
                .body("errors[0].field", equalTo("currency"));
        refusedAsTheImportRefusesIt(mne, "MNE", HEADER + ",colour\n" + good + ",red\n").then().statusCode(422)
                .body("field", equalTo("colour"));
        refusedAsTheImportRefusesIt(mne, "MNE", HEADER + "\n").then().statusCode(422).body("field", equalTo("body"));
        given().auth().oauth2(TestTokens.delegation("MNE")).contentType("application/json").body("{}")
                .post("/api/v1/plans/MNE/check").then().statusCode(415);
        assertEquals(before, stored("MNE"), "nothing stored, here or at ingest");
    }

    @Test
    void aCheckWhileIngestIsDownIsA503ToRetryAndNothingIsStored() {
        String plan = csv(row("SVK", 2026, "EUR", "140000000000", "3000000000", "0"));
        List<Object> before = stored("SVK");
        IngestProcess.stopIngest();
        try {
            check(TestTokens.delegation("SVK"), "SVK", plan).then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", equalTo("5"));
        } finally {
            IngestProcess.startIngestIfStopped();
        }
        // The circuit may have opened while ingest was away: the check answers again once it has closed.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> check(TestTokens.delegation("SVK"), "SVK", plan).statusCode() == 200);
        assertEquals(before, stored("SVK"));
    }

    /** A JSON number equal in value to {@code expected}, however many decimals it is written with. */
    static void assertNumber(String expected, Object actual, String... why) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
                "expected " + expected + " but was " + actual + (why.length == 0 ? "" : ": " + why[0]));
    }

    /** {@code what} in % of GDP and, as {@code whatAmount}, in national currency. */
    static void assertSpending(String pctOfGdp, String amount, Map<String, Object> year, String what) {
        assertNumber(pctOfGdp, year.get(what), what + " of " + year);
        assertNumber(amount, year.get(what + "Amount"), what + "Amount of " + year);
    }
}
