package io.pledgewatch.report.briefing;

import static io.pledgewatch.report.support.StaffApi.STAFF;
import static io.pledgewatch.report.support.StaffApi.awaitStatus;
import static io.pledgewatch.report.support.StaffApi.commission;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.NatoEdition;
import io.pledgewatch.report.support.PdfText;
import io.pledgewatch.report.support.ReportProfile;
import io.pledgewatch.report.support.UpstreamServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Briefings over NATO's two editions, against the real compliance-service loaded with both (see {@link UpstreamServices}):
 * the focus year the data gives, the editions named, what the 2026 edition revised, and a briefing as of a past day.
 * Every expectation is worked out here from the editions' rows as NATO published them.
 */
@QuarkusTest
@TestProfile(ReportProfile.class)
class EditionsBriefingTest {

    static final NatoEdition OLD = NatoEdition.DEFENCE_EXPENDITURE_2014_2025;
    static final NatoEdition NEW = NatoEdition.DEFENCE_INVESTMENT_2014_2026;
    static final Pattern CHANGE_ROW = Pattern.compile("^(.+) (\\d{4}) (\\d+\\.\\d{2}) → (\\d+\\.\\d{2}) ([+−]\\d+\\.\\d+)$");

    /** An edition's core % of GDP, "POL 2025" → 4.25, its blanks left out. */
    static Map<String, BigDecimal> figures(NatoEdition edition) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String line : edition.seriesLines().subList(1, edition.seriesLines().size())) {
            String[] c = line.split(",", -1);
            if (!c[3].isBlank()) {
                out.put(c[0] + " " + c[1], new BigDecimal(c[3]));
            }
        }
        return out;
    }

    static Map<String, BigDecimal> ofYear(Map<String, BigDecimal> figures, int year) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        figures.forEach((k, v) -> {
            if (k.endsWith(" " + year)) {
                out.put(k.substring(0, 3), v);
            }
        });
        return out;
    }

    static BigDecimal pct(String part, String whole) {
        return new BigDecimal(part).multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(whole), MathContext.DECIMAL64);
    }

    static String text(String location) {
        return PdfText.of(given().auth().oauth2(STAFF).get(location + "/pdf").asByteArray()).text();
    }

    static String flat(String text) {
        return text.replace("-\n", "-").replace('\n', ' ');
    }

    static String section(String text, String heading, String next) {
        int start = text.indexOf(heading);
        assertTrue(start >= 0, "no section " + heading);
        return text.substring(start, text.indexOf(next, start));
    }

    @Test
    void withThe2026EditionLoadedTheBriefingIsAbout2026AndNamesIt() throws Exception {
        // 2026: the 2026 edition's 31 Allies, Lithuania's, Germany's and Türkiye's own budgets standing for theirs.
        Map<String, BigDecimal> y2026 = ofYear(figures(NEW), 2026);
        y2026.put("LTU", pct("4790000000", "89030000000"));
        y2026.put("DEU", pct("108200000000", "4470000000000"));
        y2026.put("TUR", pct("1000000000000", "45000000000000"));
        long at2 = y2026.values().stream().filter(v -> v.compareTo(BigDecimal.valueOf(2)) >= 0).count();
        long at35 = y2026.values().stream().filter(v -> v.compareTo(new BigDecimal("3.5")) >= 0).count();
        assertEquals(31, y2026.size());

        String location = commission(Map.of());
        JsonPath meta = awaitStatus(location, "READY");
        assertEquals(2026, meta.getInt("focusYear"), "31 Allies assessed in 2026, as many as in 2025: the later year");
        assertEquals(null, meta.getString("asOf"), "the current figures");
        String text = text(location);
        String keyFigures = section(text, "Key figures, 2026", "What NATO revised");
        assertTrue(keyFigures.contains(at2 + " of 31"), at2 + " at 2%: " + keyFigures);
        assertTrue(keyFigures.contains(at35 + " of 31"), at35 + " at 3.5%: " + keyFigures);
        assertTrue(flat(keyFigures).contains("rest on the edition NATO, Defence Investment of NATO Countries (2014-2026), "
                + "7 July 2026 (28 Allies' published figures) and on 3 Allies' own submissions"), keyFigures);
        assertTrue(text.contains("Poland 4.68%"), "Poland's 2026 estimate in the 2026 edition");

        // NATO's published shares and real change where no amounts were submitted, marked as NATO's.
        String money = section(text, "Where the money goes, 2026", "Real change, Ukraine support");
        assertTrue(money.contains("Poland †"), money);
        String measures = section(text, "Real change, Ukraine support", "Real change by nation");
        assertTrue(measures.lines().anyMatch(l -> l.startsWith("Poland +13.39 †")), "Poland's 2026 real change, NATO's");
        String europe = section(text, "Europe and Canada: NATO's figures beside the suite's", "Where the money goes");
        assertTrue(europe.lines().anyMatch(l -> l.startsWith("2026 2.53 ") && l.contains(" 2.86 ")),
                "NATO's own 2026 aggregates, Europe and Canada 2.53%, NATO 2.86%: " + europe);

        // The workbook and the CSV of the same briefing still parse, NATO's measures said to be NATO's.
        byte[] xlsx = given().auth().oauth2(STAFF).get(location + "/xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertTrue(wb.getSheet("Alliance table 2026") != null, "the focus year's sheet");
            assertEquals(31, wb.getSheet("Alliance table 2026").getLastRowNum(), "a header and the 31 Allies with figures");
        }
        String csv = new String(given().auth().oauth2(STAFF).get(location + "/csv?table=measures").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        try (CSVParser p = CSVParser.parse(csv, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            CSVRecord poland = p.getRecords().stream().filter(r -> r.get("iso3").equals("POL")).findFirst().orElseThrow();
            assertEquals("NATO published", poland.get("measures_from"));
            assertEquals(0, new BigDecimal("55.91").compareTo(new BigDecimal(poland.get("equipment_share_pct"))));
        }
    }

    static Map<String, BigDecimal> printed(Map<String, BigDecimal> figures) {
        Map<String, BigDecimal> printed = new java.util.TreeMap<>();
        figures.forEach((k, v) -> printed.put(k, v.setScale(2, RoundingMode.HALF_UP)));
        return printed;
    }

    @Test
    void whatNatoRevisedListsEveryRestatedFigureLargestChangeFirst() {
        // NATO's tables print two decimals; the 2025 file carries its workbook's four, which are no revision.
        Map<String, BigDecimal> before = printed(figures(OLD));
        Map<String, BigDecimal> after = printed(figures(NEW));
        record Change(String country, int year, BigDecimal old, BigDecimal now) {
            BigDecimal by() {
                return now.subtract(old);
            }
        }
        List<Change> expected = new ArrayList<>();
        after.forEach((key, now) -> {
            BigDecimal old = before.get(key);
            if (old != null && old.compareTo(now) != 0) {
                expected.add(new Change(key.substring(0, 3), Integer.parseInt(key.substring(4)), old, now));
            }
        });
        expected.sort(Comparator.comparing((Change c) -> c.by().abs()).reversed().thenComparing(Change::country)
                .thenComparingInt(Change::year));

        String location = commission(Map.of());
        awaitStatus(location, "READY");
        String page = section(text(location), "What NATO revised", "The Alliance table");
        List<String> rows = new ArrayList<>();
        for (String line : page.lines().toList()) {
            Matcher m = CHANGE_ROW.matcher(line.trim());
            if (m.matches()) {
                rows.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " → " + m.group(4));
            }
        }
        List<String> wanted = expected.stream().map(c -> Allies.get().nameOf(c.country()) + " " + c.year() + " "
                + c.old().setScale(2, RoundingMode.HALF_UP) + " → " + c.now().setScale(2, RoundingMode.HALF_UP)).toList();
        assertEquals(wanted, rows, "every restated figure, old → new, largest change first");
        assertTrue(page.lines().anyMatch(l -> l.trim().equals("Poland 2025 4.48 → 4.25 −0.23")), page);
        assertTrue(flat(page).contains("Between NATO, Defence Expenditure of NATO Countries (2014-2025), 28 August 2025 "
                + "and NATO, Defence Investment of NATO Countries (2014-2026), 7 July 2026"), page);
    }

    @Test
    void aBriefingAsOf28August2025ShowsThatDaysFiguresFromThe2025EditionOnly() {
        // As of that day only the 2025 edition was known: 30 Allies in 2025 (Germany blank), 31 in 2024.
        Map<String, BigDecimal> y2025 = ofYear(figures(OLD), 2025);
        long at2 = y2025.values().stream().filter(v -> v.compareTo(BigDecimal.valueOf(2)) >= 0).count();
        long at35 = y2025.values().stream().filter(v -> v.compareTo(new BigDecimal("3.5")) >= 0).count();

        String location = commission(Map.of("asOf", "2025-08-28"));
        JsonPath meta = awaitStatus(location, "READY");
        assertEquals(2025, meta.getInt("focusYear"), "the latest year most Allies were assessed in, as of that day");
        assertEquals("2025-08-28", meta.getString("asOf"));
        given().auth().oauth2(STAFF).get("/api/v1/briefings").then().statusCode(200)
                .body("find { it.id == " + meta.getLong("id") + " }.asOf", equalTo("2025-08-28"));
        String text = text(location);
        assertTrue(text.contains("Figures as of 28 August 2025"), "the title page says whose figures these are");
        String keyFigures = section(text, "Key figures, 2025", "What NATO revised");
        assertTrue(keyFigures.contains(at2 + " of " + y2025.size()) && keyFigures.contains(at35 + " of " + y2025.size()),
                at2 + " and " + at35 + " of " + y2025.size() + ": " + keyFigures);
        assertTrue(flat(keyFigures).contains("rest on the edition NATO, Defence Expenditure of NATO Countries (2014-2025), "
                + "28 August 2025"), keyFigures);
        assertFalse(flat(text).contains("(2014-2026)"), "the 2026 edition was not known on that day");
        assertFalse(text.contains("5.38%"), "nor Lithuania's 2026 budget");
        assertTrue(flat(section(text, "What NATO revised", "The Alliance table")).contains("Fewer than two of NATO's editions "
                + "are loaded as of 28 August 2025"));
    }

    @Test
    void asOfMustBeADayNoLaterThanToday() {
        for (Object bad : List.of("28/08/2025", "2025-02-30", "2025-8-28", "yesterday", "")) {
            given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(Map.of("asOf", bad))
                    .post("/api/v1/briefings").then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo("asOf"));
        }
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(Map.of("asOf", tomorrow))
                .post("/api/v1/briefings").then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("asOf"));
        List<Integer> before = given().auth().oauth2(STAFF).get("/api/v1/briefings").then().extract().jsonPath()
                .getList("id");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(Map.of("asOf", tomorrow))
                .post("/api/v1/briefings").then().statusCode(422);
        assertEquals(before, given().auth().oauth2(STAFF).get("/api/v1/briefings").then().extract().jsonPath()
                .getList("id"), "a refused commission stores nothing");
    }
}
