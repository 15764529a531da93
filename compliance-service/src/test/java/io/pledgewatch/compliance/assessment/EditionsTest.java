package io.pledgewatch.compliance.assessment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.compliance.follower.FeedFollower;
import io.pledgewatch.compliance.support.Ingest;
import io.pledgewatch.compliance.support.SuiteProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.NatoEdition;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * compliance follows a feed in which NATO's 2025 edition arrives after its 2026 edition (staff loaded them out of
 * order): every revision is kept in the history, and the 2026 figures, known since later, stay the ones assessed.
 * A real ingest-service of its own ({@link OwnIngest}): the editions cover every Ally's years 2014-2026, which the
 * other tests' submissions would meet.
 */
@QuarkusTest
@TestProfile(EditionsTest.OwnIngest.class)
class EditionsTest {

    /** A profile of its own: Quarkus starts anew, with a fresh database and a fresh ingest-service process. */
    public static class OwnIngest extends SuiteProfile {
    }

    static final NatoEdition OLD = NatoEdition.DEFENCE_EXPENDITURE_2014_2025;
    static final NatoEdition NEW = NatoEdition.DEFENCE_INVESTMENT_2014_2026;

    private static boolean loaded;

    @Inject
    FeedFollower follower;

    @Inject
    EntityManager entities;

    void editionsFollowedNewestFirst() {
        editionsFollowedNewestFirst(follower);
    }

    /**
     * The newer edition, then the older; each followed before the next is loaded. Once for every class of this profile
     * (Quarkus runs them on one application, one database and one ingest, and loads the classes anew when it restarts).
     */
    static synchronized void editionsFollowedNewestFirst(FeedFollower follower) {
        if (!loaded) {
            Ingest.importEdition(NEW).then().statusCode(200);
            follower.catchUp();
            Ingest.importEdition(OLD).then().statusCode(200);
            follower.catchUp();
            loaded = true;
        }
    }

    static JsonPath assessment(String country, int year) {
        return given().auth().oauth2(TestTokens.staff()).get("/api/v1/assessments/" + country + "/" + year).then()
                .statusCode(200).extract().jsonPath();
    }

    static JsonPath alliance(int year) {
        return given().auth().oauth2(TestTokens.staff()).get("/api/v1/alliance/" + year).then().statusCode(200)
                .extract().jsonPath();
    }

    /** How many of the 2026 edition's Allies it puts at or above {@code line} % in {@code year}, counted here. */
    static long atOrAbove(int year, String line) {
        return NEW.seriesLines().stream().skip(1).map(l -> l.split(",", -1))
                .filter(f -> Integer.parseInt(f[1]) == year)
                .filter(f -> new BigDecimal(f[3]).compareTo(new BigDecimal(line)) >= 0).count();
    }

    @Test
    void theNewerEditionStaysAssessedWhenTheOlderArrivesAfterIt() {
        editionsFollowedNewestFirst();
        // Poland 2025: 4.48 in the 2025 edition, restated as 4.25 in the 2026 one.
        JsonPath pol = assessment("POL", 2025);
        assertEquals(1, pol.getInt("revision"));
        assertEquals("4.25", pol.getString("values.core"));
        assertEquals("1.48", assessment("ALB", 2025).getString("values.core"), "2.01 in the 2025 edition");

        // The counts the 2026 edition gives: three Allies below 2% in 2025 (Albania, Czechia, Slovenia) and one in
        // 2026 (Slovenia); the 2025 edition had every Ally that reported at 2% in 2025.
        for (int year : new int[] {2024, 2025, 2026}) {
            JsonPath a = alliance(year);
            assertEquals(31, a.getInt("assessed"), year + ": 31 Allies with armed forces, Germany's 2025 included");
            assertEquals(atOrAbove(year, "2"), a.getLong("atOrAbove2"), year + " at 2%");
            assertEquals(atOrAbove(year, "3.5"), a.getLong("atOrAbove3_5"), year + " at 3.5%");
        }
        assertEquals(28, alliance(2025).getInt("atOrAbove2"));
        assertEquals(30, alliance(2026).getInt("atOrAbove2"));
    }

    @Test
    void everyRevisionAppliedIsKeptInTheHistoryWithSinceWhenItWasKnown() {
        editionsFollowedNewestFirst();
        List<Object[]> pol = QuarkusTransaction.requiringNew().call(() -> entities.createQuery(
                        "select h.revision, h.knownSince, h.defencePctGdp, h.source from RevisionHistory h"
                                + " where h.country = 'POL' and h.year = 2025 order by h.seq", Object[].class)
                .getResultList());
        assertEquals(List.of(1, 2), pol.stream().map(r -> r[0]).toList());
        assertEquals(List.of(dayOf(NEW), dayOf(OLD)), pol.stream().map(r -> r[1]).toList());
        assertEquals(0, new BigDecimal("4.4805").compareTo((BigDecimal) pol.get(1)[2]));
        assertEquals(List.of(NEW.title(), OLD.title()), pol.stream().map(r -> r[3]).toList());
        long rows = QuarkusTransaction.requiringNew().call(() -> entities.createQuery(
                "select count(h) from RevisionHistory h where h.publishedRatio = true", Long.class).getSingleResult());
        assertEquals(NEW.seriesLines().size() - 1 + OLD.seriesLines().size() - 1, rows, "both editions, every row");
    }

    @Test
    void anAssessmentOfAPublishedRatioShowsTheSharesAndRealChangeNatoPublished() {
        editionsFollowedNewestFirst();
        // Lithuania 2026: equipment 47.57%, personnel 21.38%, real change 36.04%.
        JsonPath ltu = assessment("LTU", 2026);
        assertTrue(ltu.getBoolean("measures.published"));
        assertEquals("47.57", ltu.getString("measures.shares.equipment"));
        assertEquals("21.38", ltu.getString("measures.shares.personnel"));
        assertNull(ltu.get("measures.shares.infrastructure"), "not in NATO's tables");
        assertEquals("36.04", ltu.getString("measures.realChange"));
        assertEquals("47.57", ltu.getString("values.equipment"), "the equipment target is judged on it as before");
        // Poland 2025: the edition left the equipment share blank, and the measures say so.
        JsonPath pol = assessment("POL", 2025);
        assertNull(pol.get("measures.shares.equipment"));
        assertEquals("29.58", pol.getString("measures.shares.personnel"));
        assertTrue(pol.getList("measures.missing").contains("equipmentPct"));
    }

    @Test
    void aDelegationsFiguresSentAfterBothEditionsAreAssessed() {
        editionsFollowedNewestFirst();
        Ingest.put("EST", 2026, Ingest.submission("EUR", "40000000000", "2040000000", "510000000", "0", "0.92"))
                .then().statusCode(200);
        follower.catchUp();
        JsonPath est = assessment("EST", 2026);
        assertEquals(2, est.getInt("revision"));
        assertEquals("AMOUNTS", est.getString("kind"));
        assertEquals("5.1", est.getString("values.core"));
        assertFalse(est.getBoolean("measures.published"));
        assertEquals("10", est.getString("measures.shares.infrastructure"), "computed from the amounts");
    }

    static Instant dayOf(NatoEdition edition) {
        return edition.publishedOn().atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
