package io.pledgewatch.ingest.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.pledgewatch.ingest.support.PostgresProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A delegation sends its whole Hague plan at once as CSV amounts rows for its own nation: all years or none, never
 * another nation's row, never a published ratio. The new optional columns (population, personnel, price index)
 * are stored and read back.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class DelegationPlanImportTest {

    static final String HEADER = "country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,"
            + "defence_infrastructure,defence_other,population,military_personnel,price_index";

    static String row(String country, String currency, int year) {
        return country + "," + year + ",PLAN," + currency + ",1000000000000,40000000000,10000000000,15000000000,"
                + "5000000000,10000000000,5600000," + (25000 + year - 2026) + "," + (130 + year - 2026) + ".5";
    }

    static String plan(String country, String currency) {
        return HEADER + "\n" + IntStream.rangeClosed(2026, 2035).mapToObj(y -> row(country, currency, y))
                .collect(Collectors.joining("\n")) + "\n";
    }

    static ValidatableResponse importAs(String token, String csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv).post("/api/v1/imports").then();
    }

    static ValidatableResponse read(String path) {
        return given().auth().oauth2(TestTokens.staff()).get("/api/v1/submissions/" + path).then();
    }

    @Test
    void aDelegationImportsItsOwnTenYearPlanAtOnce() {
        importAs(TestTokens.delegation("MNE"), plan("MNE", "EUR")).statusCode(200)
                .body("rows", equalTo(10)).body("outcomes.CREATED", equalTo(10));
        read("MNE/2030").statusCode(200).body("status", equalTo("PLAN")).body("population", equalTo(5600000))
                .body("militaryPersonnel", equalTo(25004)).body("priceIndex", equalTo(134.5f))
                .body("submittedBy", equalTo("delegation:officer@mne"));
    }

    @Test
    void oneRowOfAnotherNationRefusesTheWholePlanWith403() {
        String csv = plan("HRV", "EUR") + row("MKD", "MKD", 2030) + "\n";
        importAs(TestTokens.delegation("HRV"), csv).statusCode(403).contentType("application/problem+json")
                .body("field", equalTo("country"));
        read("HRV/2026").statusCode(404);
        read("MKD/2030").statusCode(404);
        // Decided before validation: another nation's rows are refused as such, even when they are invalid too.
        importAs(TestTokens.delegation("HRV"), plan("MKD", "NOK")).statusCode(403).body("field", equalTo("country"));
    }

    @Test
    void aPlanHoldsEachYearOnce() {
        String csv = plan("HUN", "HUF") + row("HUN", "HUF", 2031).replace(",PLAN,", ",BUDGET,") + "\n";
        importAs(TestTokens.delegation("HUN"), csv).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year")).body("errors[0].row", equalTo(12))
                .body("errors[0].message", containsString("HUN 2031 appears more than once"));
        read("HUN/2026").statusCode(404);
    }

    @Test
    void aDelegationCannotImportPublishedRatios() {
        importAs(TestTokens.delegation("ALB"), "country,year,status,defence_pct_gdp,source\nALB,2024,ACTUAL,2.1,own\n")
                .statusCode(403).contentType("application/problem+json").body("field", equalTo("defence_pct_gdp"));
        read("ALB/2024").statusCode(404);
    }

    @Test
    void staffStillImportAnyNationsPlan() {
        importAs(TestTokens.staff(), plan("ALB", "ALL")).statusCode(200).body("rows", equalTo(10));
    }

    @Test
    void implausibleCountsAreRefusedNamingTheColumnAndRow() {
        String csv = HEADER + "\n" + row("HRV", "EUR", 2026).replace(",5600000,", ",-1,") + "\n";
        importAs(TestTokens.delegation("HRV"), csv).statusCode(422).body("errors[0].field", equalTo("population"))
                .body("errors[0].row", equalTo(2));
        read("HRV/2026").statusCode(404);
    }
}
