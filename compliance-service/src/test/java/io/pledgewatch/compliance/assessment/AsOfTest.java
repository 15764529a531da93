package io.pledgewatch.compliance.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.compliance.follower.FeedFollower;
import io.pledgewatch.compliance.support.Ingest;
import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.NatoEdition;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Figures as of a day, through real HTTP, PostgreSQL and a real ingest-service: NATO's 2026 edition (published
 * 2026-07-07) loaded first, then its 2025 edition (published 2025-08-28). Before the 2025 edition's day nothing was
 * reported; from it until the 2026 edition's day its figures stood; from then on, and now, the 2026 edition's. Every
 * expectation is read from the editions' CSV rows here, not from the service. Shares the data of {@link EditionsTest}.
 */
@QuarkusTest
@TestProfile(EditionsTest.OwnIngest.class)
class AsOfTest {

    static final NatoEdition OLD = EditionsTest.OLD;
    static final NatoEdition NEW = EditionsTest.NEW;
    static final String BEFORE_BOTH = "2025-08-27";
    static final String DAY_BEFORE_NEW = "2026-07-06";

    @Inject
    FeedFollower follower;

    @BeforeEach
    void editionsLoaded() {
        EditionsTest.editionsFollowedNewestFirst(follower);
    }

    /** An edition's figures as printed, "POL-2025" → % of GDP, by country and year (a blank figure is not a row). */
    static Map<String, BigDecimal> figures(NatoEdition edition) {
        return edition.seriesLines().stream().skip(1).map(l -> l.split(",", -1)).filter(f -> !f[3].isBlank())
                .collect(Collectors.toMap(f -> f[0] + "-" + f[1], f -> new BigDecimal(f[3]), (a, b) -> b, TreeMap::new));
    }

    /** How many of the edition's Allies it puts at or above {@code line} % in {@code year}. */
    static long atOrAbove(NatoEdition edition, int year, String line) {
        return figures(edition).entrySet().stream().filter(e -> e.getKey().endsWith("-" + year))
                .filter(e -> e.getValue().compareTo(new BigDecimal(line)) >= 0).count();
    }

    static long reported(NatoEdition edition, int year) {
        return figures(edition).keySet().stream().filter(k -> k.endsWith("-" + year)).count();
    }

    static Response get(String token, String path, String asOf) {
        var request = given().auth().oauth2(token);
        return (asOf == null ? request : request.queryParam("asOf", asOf)).get(path);
    }

    static JsonPath ok(String path, String asOf) {
        Response r = get(TestTokens.staff(), path, asOf);
        r.then().statusCode(200);
        assertEquals(asOf, r.header(AsOf.HEADER), path + ": the header names the day asked, and only then");
        return r.jsonPath();
    }

    static BigDecimal decimal(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    void asOfADayBeforeEitherEditionNothingWasReported() {
        get(TestTokens.staff(), "/api/v1/assessments/POL/2025", BEFORE_BOTH).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(List.of(), ok("/api/v1/assessments", BEFORE_BOTH).getList("$"));
        JsonPath alliance = ok("/api/v1/alliance/2024", BEFORE_BOTH);
        assertEquals(BEFORE_BOTH, alliance.getString("asOf"));
        assertEquals(0, alliance.getInt("assessed"));
        assertEquals(Allies.get().all().stream().filter(a -> a.isAssessed() && a.isAllyIn(2024)).count(),
                alliance.getList("noData").size(), "every Ally with armed forces: not reported");
        JsonPath series = ok("/api/v1/series/POL", BEFORE_BOTH);
        assertEquals(List.of(), series.getList("years"));
        assertEquals(BEFORE_BOTH, series.getString("asOf"));
    }

    @Test
    void fromThe2025EditionsDayUntilThe2026OneItsFiguresStood() {
        Map<String, BigDecimal> old = figures(OLD);
        for (String day : List.of(OLD.publishedOn().toString(), DAY_BEFORE_NEW)) {
            JsonPath pol = ok("/api/v1/assessments/POL/2025", day);
            assertEquals(day, pol.getString("asOf"));
            assertEquals(2, pol.getInt("revision"), "the 2025 edition, loaded second");
            assertEquals(0, old.get("POL-2025").compareTo(decimal(pol, "values.core")), day + ": 4.4805 then");

            // Every Ally's 2025 figure as that edition printed it, and Germany's blank not reported.
            JsonPath list = ok("/api/v1/assessments?year=2025", day);
            assertEquals(reported(OLD, 2025), list.getList("$").size());
            for (int i = 0; i < list.getList("$").size(); i++) {
                String key = list.getString("[" + i + "].country") + "-2025";
                assertEquals(0, old.get(key).compareTo(decimal(list, "[" + i + "].values.core")), day + " " + key);
                assertEquals(day, list.getString("[" + i + "].asOf"));
            }

            // What NATO's August 2025 release said (reference/README.md), counted here from its rows.
            JsonPath y2024 = ok("/api/v1/alliance/2024", day);
            assertEquals(atOrAbove(OLD, 2024, "2"), y2024.getLong("atOrAbove2"));
            assertEquals(18, y2024.getInt("atOrAbove2"));
            JsonPath y2025 = ok("/api/v1/alliance/2025", day);
            assertEquals(reported(OLD, 2025), y2025.getLong("assessed"));
            assertEquals(30, y2025.getInt("assessed"));
            assertEquals(List.of("DEU"), y2025.getList("noData"));
            assertEquals(atOrAbove(OLD, 2025, "3.5"), y2025.getLong("atOrAbove3_5"));
            assertEquals(3, y2025.getInt("atOrAbove3_5"));
            assertEquals(day, y2025.getString("asOf"));

            JsonPath series = ok("/api/v1/series/POL", day);
            assertEquals(old.keySet().stream().filter(k -> k.startsWith("POL-")).count(), series.getList("years").size());
        }
    }

    @Test
    void fromThe2026EditionsDayAndNowThe2026EditionsFiguresStand() {
        for (String day : new String[] {NEW.publishedOn().toString(), today(), null}) {
            JsonPath pol = ok("/api/v1/assessments/POL/2025", day);
            assertEquals(0, figures(NEW).get("POL-2025").compareTo(decimal(pol, "values.core")), day + ": 4.25");
            assertEquals(1, pol.getInt("revision"));
            assertEquals(day, pol.getString("asOf"), "now names no day");
            for (int year : new int[] {2024, 2025, 2026}) {
                JsonPath a = ok("/api/v1/alliance/" + year, day);
                assertEquals(reported(NEW, year), a.getLong("assessed"), day + " " + year);
                assertEquals(atOrAbove(NEW, year, "2"), a.getLong("atOrAbove2"), day + " " + year + " at 2%");
                assertEquals(atOrAbove(NEW, year, "3.5"), a.getLong("atOrAbove3_5"), day + " " + year + " at 3.5%");
                assertEquals(day, a.getString("asOf"));
            }
        }
    }

    @Test
    void aDelegationsFiguresSentAfterBothEditionsStandNowButNotAsOfTheDayAfterThe2026Edition() {
        // Latvia 2026: 4.92% in the 2026 edition; its delegation now sends 5.5%.
        Ingest.put("LVA", 2026, Ingest.submission("EUR", "40000000000", "2200000000", "550000000", "0", "0.92"))
                .then().statusCode(200);
        follower.catchUp();
        for (String day : new String[] {null, today()}) {
            JsonPath now = ok("/api/v1/assessments/LVA/2026", day);
            assertEquals("AMOUNTS", now.getString("kind"), "known since it was received, today");
            assertEquals(0, new BigDecimal("5.5").compareTo(decimal(now, "values.core")));
        }
        JsonPath then = ok("/api/v1/assessments/LVA/2026", "2026-07-08");
        assertEquals("PUBLISHED_RATIO", then.getString("kind"));
        assertEquals(0, figures(NEW).get("LVA-2026").compareTo(decimal(then, "values.core")));

        // The delegation itself may ask as of a day, about its own nation.
        Response own = get(TestTokens.delegation("LVA"), "/api/v1/series/LVA", "2026-07-08");
        own.then().statusCode(200);
        List<Map<String, Object>> years = own.jsonPath().getList("years");
        assertEquals("PUBLISHED_RATIO", years.getLast().get("kind"));
        assertEquals(2026, years.getLast().get("year"));
    }

    @Test
    void aMalformedAsOfIsRefusedWith400AndADayStillToComeWith422NamingAsOf() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        for (String path : List.of("/api/v1/assessments/POL/2025", "/api/v1/assessments", "/api/v1/alliance/2025",
                "/api/v1/alliance/editions", "/api/v1/series/POL", "/api/v1/plans/POL", "/api/v1/plans")) {
            for (String malformed : List.of("2025-02-30", "yesterday", "2025-8-28")) {
                get(TestTokens.staff(), path, malformed).then().statusCode(400).contentType("application/problem+json")
                        .body("field", equalTo("asOf"));
            }
            get(TestTokens.staff(), path, tomorrow).then().statusCode(422).contentType("application/problem+json")
                    .body("field", equalTo("asOf"));
        }
    }

    @Test
    void aDelegationReadsNoOtherNationAsOfADay() {
        String pol = TestTokens.delegation("POL");
        String day = OLD.publishedOn().toString();
        for (String path : List.of("/api/v1/assessments/LTU/2025", "/api/v1/assessments?country=LTU",
                "/api/v1/series/LTU", "/api/v1/plans/LTU", "/api/v1/alliance/2025", "/api/v1/alliance/editions")) {
            get(pol, path, day).then().statusCode(403).contentType("application/problem+json")
                    .body(not(containsString("values")));
        }
        JsonPath own = get(pol, "/api/v1/assessments", day).then().statusCode(200).extract().jsonPath();
        assertEquals(figures(OLD).keySet().stream().filter(k -> k.startsWith("POL-")).count(), own.getList("$").size());
        assertEquals(List.of("POL"), own.getList("country").stream().distinct().toList());
        assertEquals(1, get(pol, "/api/v1/plans", day).jsonPath().getList("$").size());
    }

    @Test
    void plansAsOfADayRestOnTheFiguresOfThatDayAndNameIt() {
        JsonPath none = ok("/api/v1/plans/POL", BEFORE_BOTH);
        assertEquals(BEFORE_BOTH + "T23:59:59Z", none.getString("asOf"), "a plan names its moment: the day's end");
        assertTrue(none.getList("years.status").stream().allMatch(s -> s == null), "nothing known then");
        JsonPath then = ok("/api/v1/plans/POL", "2026-07-08");
        assertEquals("ESTIMATE", then.getString("years[0].status"), "2026 from the 2026 edition");
        assertEquals(0, figures(NEW).get("POL-2026").compareTo(decimal(then, "years[0].core")));
        assertEquals(0, ok("/api/v1/alliance/2026", BEFORE_BOTH).getInt("plans.credible"));
        JsonPath all = ok("/api/v1/plans", BEFORE_BOTH);
        assertEquals(List.of(BEFORE_BOTH + "T23:59:59Z"), all.getList("asOf").stream().distinct().toList());
        ok("/api/v1/plans", null);
    }

    @Test
    void theEditionsAreListedNewestFirstWithEveryFigureTheLatestRestatedLargestChangeFirst() {
        JsonPath e = given().auth().oauth2(TestTokens.service()).get("/api/v1/alliance/editions").then().statusCode(200)
                .extract().jsonPath();
        assertNull(e.get("asOf"));
        assertEquals(List.of(NEW.title(), OLD.title()), e.getList("editions.source"));
        assertEquals(List.of(NEW.publishedOn().toString(), OLD.publishedOn().toString()),
                e.getList("editions.publishedOn"));
        for (int i = 0; i < 2; i++) {
            Map<String, BigDecimal> figures = figures(i == 0 ? NEW : OLD);
            assertEquals(figures.size(), e.getLong("editions[" + i + "].rows"));
            assertEquals(figures.keySet().stream().map(k -> k.substring(0, 3)).distinct().count(),
                    e.getLong("editions[" + i + "].nations"));
        }
        assertEquals(Map.of("source", OLD.title(), "publishedOn", OLD.publishedOn().toString()), e.getMap("from"));
        assertEquals(Map.of("source", NEW.title(), "publishedOn", NEW.publishedOn().toString()), e.getMap("to"));

        // Every key both editions give whose figure differs, largest change first, then by country and year.
        Map<String, BigDecimal> old = figures(OLD);
        Map<String, BigDecimal> now = figures(NEW);
        List<String> expected = now.keySet().stream().filter(k -> old.containsKey(k) && old.get(k).compareTo(now.get(k)) != 0)
                .sorted(Comparator.comparing((String k) -> now.get(k).subtract(old.get(k)).abs()).reversed()
                        .thenComparing(k -> k))
                .toList();
        List<String> changed = e.getList("changes", Map.class).stream()
                .map(c -> c.get("country") + "-" + c.get("year")).toList();
        assertEquals(expected, changed);
        int pol = changed.indexOf("POL-2025");
        assertEquals(0, new BigDecimal("4.4805").compareTo(decimal(e, "changes[" + pol + "].old")));
        assertEquals(0, new BigDecimal("4.25").compareTo(decimal(e, "changes[" + pol + "].new")));
        assertEquals(0, new BigDecimal("-0.2305").compareTo(decimal(e, "changes[" + pol + "].change")));

        JsonPath before = ok("/api/v1/alliance/editions", DAY_BEFORE_NEW);
        assertEquals(DAY_BEFORE_NEW, before.getString("asOf"));
        assertEquals(List.of(OLD.title()), before.getList("editions.source"));
        assertNull(before.get("from"));
        assertEquals(OLD.title(), before.getString("to.source"));
        assertEquals(List.of(), before.getList("changes"));
        JsonPath nothing = ok("/api/v1/alliance/editions", BEFORE_BOTH);
        assertEquals(List.of(), nothing.getList("editions"));
        assertNull(nothing.get("to"));
    }
}
