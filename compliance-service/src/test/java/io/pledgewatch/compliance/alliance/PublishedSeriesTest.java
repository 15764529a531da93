package io.pledgewatch.compliance.alliance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pledgewatch.compliance.follower.FeedFollower;
import io.pledgewatch.compliance.support.Ingest;
import io.pledgewatch.compliance.support.SuiteProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * NATO's published 2014–2025 series (shipped in reference-data), imported through the real
 * ingest-service, reproduces NATO's published counts: 18 Allies at 2% in 2024; in 2025 all 30 reporting
 * Allies at 2% and three (POL, LTU, LVA) at 3.5% (reference/README.md, Aug 2025 release).
 */
@QuarkusTest
@TestProfile(SuiteProfile.class)
class PublishedSeriesTest {

    @Inject
    FeedFollower follower;

    static JsonPath alliance(int year) {
        return given().auth().oauth2(TestTokens.staff()).get("/api/v1/alliance/" + year).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void thePublishedSeriesYieldsNatosPublishedCounts() {
        String csv = String.join("\n", io.pledgewatch.reference.Allies.publishedSeriesLines()) + "\n";
        Ingest.importCsv(csv, "NATO, Defence Expenditure of NATO Countries (2014-2025), Table 3").then().statusCode(200);
        follower.catchUp();

        JsonPath y2024 = alliance(2024);
        assertEquals(18, y2024.getInt("atOrAbove2"));
        assertEquals(31, y2024.getInt("assessed"), "31 Allies with armed forces, Sweden from 2024");

        JsonPath y2025 = alliance(2025);
        assertEquals(30, y2025.getInt("assessed"), "Germany's 2025 figure was left blank in that release");
        assertEquals(30, y2025.getInt("atOrAbove2"));
        assertEquals(3, y2025.getInt("atOrAbove3_5"));
        assertEquals(java.util.List.of("DEU"), y2025.getList("noData"));
        assertEquals(30, y2025.getInt("usd.nationsWithoutAmounts"));

        // 2014: only Greece, the UK and the US were at 2%; Finland, Sweden, Montenegro and North Macedonia were not
        // yet Allies, so they are listed but not counted.
        JsonPath y2014 = alliance(2014);
        assertEquals(3, y2014.getInt("atOrAbove2"));
        assertEquals(27, y2014.getInt("assessed"));
        assertEquals(java.util.List.of("FIN", "MKD", "MNE", "SWE"), y2014.getList("notAssessed"));
    }
}
