package io.pledgewatch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pledgewatch.platform.testing.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A corpus of malformed and malicious requests against every write endpoint of the suite. Every answer must be
 * a 4xx problem+json, none a 5xx, and nothing may change in any service's data.
 */
class HostileInputIT {

    static Suite suite;
    static Users users;

    record Attack(String label, String method, String url, String token, String contentType, byte[] body) {
    }

    @BeforeAll
    static void start() throws Exception {
        suite = Suite.start("0 0 6 ? * MON");
        users = new Users(suite);
        assertEquals(201, users.submit("LTU", 2026, Users.submission("EUR", "89030000000", "4790000000", "1200000000", "baseline")).status());
        users.awaitAssessment("LTU", 2026, 1);
    }

    @AfterAll
    static void stop() {
        suite.close();
    }

    /** Everything the services store, as staff read it; a read that fails would compare equal and hide a change. */
    static String state() {
        return read(suite.ingest.url() + "/api/v1/feed?after=0&limit=1000") + read(suite.ingest.url() + "/api/v1/submissions")
                + read(suite.compliance.url() + "/api/v1/assessments") + read(suite.compliance.url() + "/api/v1/rulesets")
                + read(suite.report.url() + "/api/v1/briefings");
    }

    static String read(String url) {
        Http.Response r = Http.get(url, TestTokens.staff());
        assertEquals(200, r.status(), url + ": " + r.text());
        return r.text();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<Attack> corpus() throws Exception {
        List<Attack> attacks = new ArrayList<>();
        String ltu = TestTokens.delegation("LTU");
        String staff = TestTokens.staff();
        String sub = suite.ingest.url() + "/api/v1/submissions/";
        Map<String, Object> valid = Users.submission("EUR", "89030000000", "4790000000", "1200000000", "hostile");

        // Paths: countries and years that are not, injections and traversal.
        String[] countries = {"XXX", "ltu", "LT", "LTUU", "RUS", "..%2F..%2Fetc%2Fpasswd", "LTU%00", "'%20OR%201=1--",
                "%3Cscript%3E", "L%C3%9CU", "%E2%80%AE", "null", "0", "%20LTU"};
        for (String c : countries) {
            attacks.add(new Attack("country " + c, "PUT", sub + c + "/2026", staff, "application/json", Http.bytes(valid)));
        }
        String[] years = {"1999", "2013", "2036", "20a6", "-1", "2026.5", "99999999999999999999", "0x7EA", "%2026",
                "2026;DROP", "", "2026%00"};
        for (String y : years) {
            if (!y.isEmpty()) {
                attacks.add(new Attack("year " + y, "PUT", sub + "LTU/" + y, ltu, "application/json", Http.bytes(valid)));
            }
        }
        attacks.add(new Attack("SWE before accession", "PUT", sub + "SWE/2020", TestTokens.delegation("SWE"), "application/json",
                Http.bytes(Users.submission("SEK", "5000000000000", "60000000000", "15000000000", "x"))));

        // Every field: wrong types, signs, magnitudes, precision, NaN-likes, nulls.
        Object[] badValues = {"abc", true, false, List.of(1), Map.of("a", 1), -1, -0.01, "1e400", "1e30", "NaN",
                "Infinity", "-Infinity", "0x10", "1,000", "12.345", 1.0E300, "", " ", "١٢٣", "9".repeat(80)};
        String[][] fields = {{"gdp"}, {"defence", "total"}, {"defence", "equipment"}, {"defence", "personnel"},
                {"defence", "infrastructure"}, {"defence", "other"}, {"defence", "ukraineSupport"}, {"usdRate"}};
        for (String[] f : fields) {
            for (Object bad : badValues) {
                if (f[0].equals("usdRate") && "12.345".equals(bad)) {
                    continue; // a valid exchange rate (up to 8 decimals)
                }
                Map<String, Object> body = deepCopy(valid);
                set(body, f, bad);
                attacks.add(new Attack(String.join(".", f) + "=" + String.valueOf(bad).substring(0, Math.min(12, String.valueOf(bad).length())),
                        "PUT", sub + "LTU/2027", ltu, "application/json", Http.bytes(body)));
            }
        }
        Object[] badText = {"PENDING", "budget", "", 42, true, List.of("BUDGET"), "'; DROP TABLE submission;--",
                "<script>alert(1)</script>", "B\u0000UDGET", "\u202EBUDGET"};
        for (Object t : badText) {
            Map<String, Object> a = deepCopy(valid);
            a.put("status", t);
            attacks.add(new Attack("status " + t, "PUT", sub + "LTU/2027", ltu, "application/json", Http.bytes(a)));
            Map<String, Object> b = deepCopy(valid);
            b.put("currency", t);
            attacks.add(new Attack("currency " + t, "PUT", sub + "LTU/2027", ltu, "application/json", Http.bytes(b)));
        }
        for (Object n : new Object[] {"x".repeat(2001), "nul\u0000byte", "bell\u0007", 42, List.of("a"), Map.of()}) {
            Map<String, Object> b = deepCopy(valid);
            b.put("note", n);
            attacks.add(new Attack("note", "PUT", sub + "LTU/2027", ltu, "application/json", Http.bytes(b)));
        }
        // Missing and unknown fields at every level.
        for (String missing : List.of("status", "currency", "gdp", "defence")) {
            Map<String, Object> b = deepCopy(valid);
            b.remove(missing);
            attacks.add(new Attack("missing " + missing, "PUT", sub + "LTU/2027", ltu, "application/json", Http.bytes(b)));
        }
        for (String missing : List.of("total", "equipment", "personnel", "infrastructure", "other")) {
            Map<String, Object> b = deepCopy(valid);
            ((Map<?, ?>) b.get("defence")).remove(missing);
            attacks.add(new Attack("missing defence." + missing, "PUT", sub + "LTU/2027", ltu, "application/json", Http.bytes(b)));
        }
        for (String unknown : List.of("gpd", "country", "year", "revision", "__proto__", "constructor", "$where")) {
            Map<String, Object> b = deepCopy(valid);
            b.put(unknown, 1);
            attacks.add(new Attack("unknown " + unknown, "PUT", sub + "LTU/2027", ltu, "application/json", Http.bytes(b)));
            Map<String, Object> c = deepCopy(valid);
            ((Map<String, Object>) c.get("defence")).put(unknown, 1);
            attacks.add(new Attack("unknown defence." + unknown, "PUT", sub + "LTU/2027", ltu, "application/json", Http.bytes(c)));
        }
        // Consistency rules.
        attacks.add(new Attack("sum mismatch", "PUT", sub + "LTU/2027", ltu, "application/json",
                Http.bytes(Users.submission("EUR", "89030000000", "4790000000", "5790000000", "x"))));
        attacks.add(new Attack("defence above gdp", "PUT", sub + "LTU/2027", ltu, "application/json",
                Http.bytes(Users.submission("EUR", "1000", "4790000000", "1200000000", "x"))));
        attacks.add(new Attack("wrong currency", "PUT", sub + "LTU/2027", ltu, "application/json",
                Http.bytes(Users.submission("USD", "89030000000", "4790000000", "1200000000", "x"))));
        // Broken JSON, encodings, shapes.
        String[] raw = {"", "{", "}", "[]", "null", "\"text\"", "42", "{\"status\": \"BUDGET\", \"gdp\": ", "{'status':'BUDGET'}",
                "{\"status\":\"BUDGET\",\"status\":\"PLAN\"}", "{\"gdp\": 1e99999}", "{\"gdp\": NaN}", "{\"gdp\": Infinity}",
                "{\"gdp\": 0x10}", "{\"gdp\": 01}", "{\"gdp\": .5}", "{\"gdp\": +1}", "/* c */ {}", "{\"a\":1} {\"b\":2}",
                "[".repeat(5000) + "]".repeat(5000), "{\"note\": \"\\ud800\"}", "\uFEFF{}", "{\"gdp\": \"1\"\"2\"}"};
        for (String r : raw) {
            attacks.add(new Attack("raw " + r.substring(0, Math.min(r.length(), 16)), "PUT", sub + "LTU/2027", ltu,
                    "application/json", utf8(r)));
        }
        attacks.add(new Attack("invalid utf-8", "PUT", sub + "LTU/2027", ltu, "application/json",
                new byte[] {'{', '"', 'n', 'o', 't', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        attacks.add(new Attack("latin-1 body", "PUT", sub + "LTU/2027", ltu, "application/json",
                "{\"note\":\"T\u00fcrkiye\"}".getBytes(StandardCharsets.ISO_8859_1)));
        attacks.add(new Attack("huge body", "PUT", sub + "LTU/2027", ltu, "application/json",
                utf8("{\"note\":\"" + "x".repeat(200_000) + "\"}")));
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "text/csv", "application/octet-stream"}) {
            attacks.add(new Attack("content type " + type, "PUT", sub + "LTU/2027", ltu, type, Http.bytes(valid)));
        }
        attacks.add(new Attack("no content type", "PUT", sub + "LTU/2027", ltu, null, Http.bytes(valid)));
        attacks.add(new Attack("stale If-Match", "PUT", sub + "LTU/2026", ltu, "application/json", Http.bytes(valid)));

        // Imports.
        String imp = suite.ingest.url() + "/api/v1/imports?source=hostile";
        String[] csvs = {"", "\n", "country,year,status,defence_pct_gdp\n", "country,year,status,defence_pct_gdp\nLTU,2019,ACTUAL,abc\n",
                "country,year,status,defence_pct_gdp\nXXX,2019,ACTUAL,2\n", "country,year,status,defence_pct_gdp\nLTU,1999,ACTUAL,2\n",
                "country,year,status,defence_pct_gdp\nLTU,2019,ACTUAL,-2\n", "country,year,status,defence_pct_gdp\nLTU,2019,ACTUAL,NaN\n",
                "country,year,status,defence_pct_gdp\nLTU,2019,ACTUAL,1e400\n", "country,year,status,defence_pct_gdp\nLTU,2019,ACTUAL,101\n",
                "country,year,status,defence_pct_gdp\n=cmd|' /C calc'!A0,2019,ACTUAL,2\n", "country,year,status,defence_pct_gdp\nLTU,2019,'; DROP TABLE x;--,2\n",
                "country,year,status,defence_pct_gdp,evil\nLTU,2019,ACTUAL,2,1\n", "country,status\nLTU,ACTUAL\n",
                "country,year,status,defence_pct_gdp\n\"LTU,2019,ACTUAL,2\n",
                "country,year,status,defence_pct_gdp\nLTU,2019,ACTUAL,2\nLTU,2018,ACTUAL,zz\n", "\u0000\u0001\u0002", "<xml/>",
                "country,year,status,gdp,currency,defence_total,defence_equipment,defence_personnel,defence_infrastructure,defence_other\nLTU,2027,BUDGET,100,EUR,200,50,50,50,50\n",
                "country,year,status,defence_pct_gdp\nLTU,2019,ACTUAL," + "9".repeat(100) + "\n",
                "country,year,status,defence_pct_gdp,note\nLTU,2019,ACTUAL,2," + "n".repeat(3000) + "\n"};
        // A plan check reads the same CSV as the import and stores nothing, whatever it is sent.
        String check = suite.compliance.url() + "/api/v1/plans/LTU/check";
        for (String csv : csvs) {
            attacks.add(new Attack("csv " + csv.substring(0, Math.min(20, csv.length())), "POST", imp, staff, "text/csv", utf8(csv)));
            attacks.add(new Attack("plan check " + csv.substring(0, Math.min(20, csv.length())), "POST", check, ltu, "text/csv", utf8(csv)));
        }
        // Days and growth rates in query parameters.
        String c = suite.compliance.url();
        for (String day : new String[] {"2025-13-01", "2025-02-30", "yesterday", "9999-12-31", "' OR 1=1 --", "+2025-01-01",
                "2025-8-28", "20250828", "2025-08-28T00:00:00Z"}) {
            String q = "?asOf=" + URLEncoder.encode(day, StandardCharsets.UTF_8);
            attacks.add(new Attack("asOf " + day + " alliance", "GET", c + "/api/v1/alliance/2025" + q, staff, null, null));
            attacks.add(new Attack("asOf " + day + " assessment", "GET", c + "/api/v1/assessments/LTU/2026" + q, ltu, null, null));
            attacks.add(new Attack("asOf " + day + " editions", "GET", c + "/api/v1/alliance/editions" + q, staff, null, null));
        }
        for (String growth : new String[] {"abc", "1e400", "101", "-51", "NaN", "Infinity", "3,5"}) {
            attacks.add(new Attack("gdpGrowth " + growth, "GET", c + "/api/v1/plans/LTU/requirements?gdpGrowth="
                    + URLEncoder.encode(growth, StandardCharsets.UTF_8), ltu, null, null));
        }
        attacks.add(new Attack("csv as json", "POST", imp, staff, "application/json", utf8("{}")));
        attacks.add(new Attack("csv without source", "POST", suite.ingest.url() + "/api/v1/imports", staff, "text/csv",
                utf8("country,year,status,defence_pct_gdp\nLTU,2019,ACTUAL,2\n")));
        attacks.add(new Attack("csv long source", "POST", suite.ingest.url() + "/api/v1/imports?source=" + "s".repeat(600),
                staff, "text/csv", utf8("country,year,status,defence_pct_gdp\nLTU,2019,ACTUAL,2\n")));
        attacks.add(new Attack("csv invalid utf-8", "POST", imp, staff, "text/csv",
                new byte[] {'c', 'o', 'u', 'n', 't', 'r', 'y', '\n', (byte) 0xFF, (byte) 0xFE}));
        attacks.add(new Attack("csv by delegation", "POST", imp, ltu, "text/csv", utf8("country,year,status,defence_pct_gdp\nLTU,2019,ACTUAL,2\n")));
        // A staff series may repeat a key (successive editions); a delegation's plan may not.
        String planHeader = "country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,"
                + "defence_infrastructure,defence_other\n";
        attacks.add(new Attack("csv plan with a year twice", "POST", imp, ltu, "text/csv", utf8(planHeader
                + "LTU,2029,PLAN,EUR,100000000000,4000000000,1000000000,1000000000,1000000000,1000000000\n"
                + "LTU,2029,PLAN,EUR,100000000000,4100000000,1000000000,1000000000,1000000000,1100000000\n")));

        // Briefings.
        String brief = suite.report.url() + "/api/v1/briefings";
        Object[] briefBodies = {Map.of("country", "XXX"), Map.of("country", 1), Map.of("country", "ltu"), Map.of("year", 1999),
                Map.of("year", "soon"), Map.of("year", 2040), Map.of("colour", "red"), Map.of("country", List.of("LTU")),
                Map.of("country", "'; DROP TABLE briefing;--"), Map.of("country", "../../etc/passwd")};
        for (Object b : briefBodies) {
            attacks.add(new Attack("briefing " + b, "POST", brief, staff, "application/json", Http.bytes(b)));
        }
        for (String r : new String[] {"{", "[]", "\"x\"", "{\"country\":\"LTU\",\"country\":\"DEU\"}", "{\"year\": 2026.5}"}) {
            attacks.add(new Attack("briefing raw " + r, "POST", brief, staff, "application/json", utf8(r)));
        }
        attacks.add(new Attack("briefing text/plain", "POST", brief, staff, "text/plain", utf8("country=LTU")));
        attacks.add(new Attack("briefing by delegation", "POST", brief, ltu, "application/json", utf8("{}")));
        attacks.add(new Attack("briefing anonymous", "POST", brief, null, "application/json", utf8("{}")));

        // Rule sets.
        String rules = suite.compliance.url() + "/api/v1/rulesets/";
        Object[] ruleBodies = {Map.of(), Map.of("id", "wales-2014"), Map.of("id", "other", "version", "9"),
                Map.of("id", "wales-2014", "version", "1", "firstYear", 2014, "lastYear", 2035, "targets", List.of()),
                Map.of("id", "wales-2014", "version", "9", "firstYear", 1900, "lastYear", 2035, "targets",
                        List.of(Map.of("target", "core", "measure", "CORE", "threshold", 2, "kind", "FIXED"))),
                Map.of("id", "wales-2014", "version", "9", "firstYear", 2014, "lastYear", 2035, "targets",
                        List.of(Map.of("target", "core", "measure", "NUKES", "threshold", 2, "kind", "FIXED"))),
                Map.of("id", "wales-2014", "version", "9", "firstYear", 2014, "lastYear", 2035, "targets",
                        List.of(Map.of("target", "core", "measure", "CORE", "threshold", -2, "kind", "FIXED"))),
                Map.of("id", "wales-2014", "version", "1", "firstYear", 2014, "lastYear", 2035, "targets",
                        List.of(Map.of("target", "core", "measure", "CORE", "threshold", 2, "kind", "FIXED")))};
        for (Object b : ruleBodies) {
            attacks.add(new Attack("ruleset " + b, "PUT", rules + "wales-2014", staff, "application/json", Http.bytes(b)));
        }
        attacks.add(new Attack("ruleset by delegation", "PUT", rules + "wales-2014", ltu, "application/json", utf8("{}")));
        attacks.add(new Attack("ruleset malformed", "PUT", rules + "wales-2014", staff, "application/json", utf8("{\"id\":")));
        return attacks;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> m) throws Exception {
        return Http.JSON.readValue(Http.JSON.writeValueAsBytes(m), LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> body, String[] path, Object value) {
        Map<String, Object> target = body;
        for (int i = 0; i < path.length - 1; i++) {
            target = (Map<String, Object>) target.get(path[i]);
        }
        target.put(path[path.length - 1], value);
    }

    @Test
    void everyHostileRequestIsRefusedAsAProblemAndChangesNothing() throws Exception {
        String before = state();
        assertTrue(before.contains("\"note\":\"baseline\""), "the baseline is part of the state compared: " + before);
        List<Attack> corpus = corpus();
        assertTrue(corpus.size() >= 300, "corpus size " + corpus.size());
        List<String> wrong = new ArrayList<>();
        int answered = 0;
        for (Attack a : corpus) {
            Http.Response r = Http.send(a.method(), a.url(), a.token(), a.contentType(), a.body(), Map.of());
            answered += r.status() > 0 ? 1 : 0; // 0: no answer at all (connection reset, timeout)
            boolean ok = r.status() >= 400 && r.status() < 500 && r.isProblem();
            if (!ok) {
                wrong.add(a.label() + " -> " + r.status() + " " + r.header("Content-Type") + " "
                        + r.text().substring(0, Math.min(160, r.text().length())));
            }
        }
        assertEquals(corpus.size(), answered, "requests the server answered with a status");
        assertEquals(List.of(), wrong, wrong.size() + " of " + corpus.size() + " requests were not a 4xx problem");
        // What a request stores shows in these lists as it is answered; what follows later, compliance scoring what
        // ingest published, is done once compliance has caught up with ingest's feed.
        users.awaitCaughtUp();
        assertEquals(before, state(), "a refused request changed stored data");
        JsonNode health = Http.get(suite.ingest.url() + "/q/health/ready", null).json();
        assertEquals("UP", health.get("status").asText());
        System.out.println("hostile corpus: " + corpus.size() + " requests, all refused as 4xx problem+json, no change");
    }
}
