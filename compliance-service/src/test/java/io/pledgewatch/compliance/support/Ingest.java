package io.pledgewatch.compliance.support;

import static io.restassured.RestAssured.given;

import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.NatoEdition;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes to the real ingest-service the way a delegation or staff would. */
public final class Ingest {

    private Ingest() {
    }

    /** A consistent submission: equipment as given, the rest split personnel 40%, infrastructure 10%, other. */
    public static Map<String, Object> submission(String currency, String gdp, String total, String equipment,
                                                 String related, String usdRate) {
        BigDecimal t = new BigDecimal(total);
        BigDecimal e = new BigDecimal(equipment);
        BigDecimal personnel = t.multiply(new BigDecimal("0.4")).setScale(0, RoundingMode.DOWN);
        BigDecimal infra = t.multiply(new BigDecimal("0.1")).setScale(0, RoundingMode.DOWN);
        Map<String, Object> defence = new LinkedHashMap<>();
        defence.put("total", t);
        defence.put("equipment", e);
        defence.put("personnel", personnel);
        defence.put("infrastructure", infra);
        defence.put("other", t.subtract(e).subtract(personnel).subtract(infra));
        defence.put("ukraineSupport", 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "BUDGET");
        body.put("currency", currency);
        body.put("gdp", new BigDecimal(gdp));
        body.put("defence", defence);
        body.put("related", Map.of("criticalInfrastructure", new BigDecimal(related), "cyberAndNetworks", 0,
                "civilPreparedness", 0, "innovation", 0, "industrialBase", 0));
        if (usdRate != null) {
            body.put("usdRate", new BigDecimal(usdRate));
        }
        return body;
    }

    public static Response put(String country, int year, Map<String, Object> body) {
        var current = given().baseUri(IngestProcess.ingestUrl()).auth().oauth2(TestTokens.staff())
                .get("/api/v1/submissions/" + country + "/" + year);
        var request = given().baseUri(IngestProcess.ingestUrl()).auth().oauth2(TestTokens.delegation(country))
                .contentType(ContentType.JSON).body(body);
        if (current.statusCode() == 200) {
            request.header("If-Match", current.header("ETag"));
        }
        return request.put("/api/v1/submissions/" + country + "/" + year);
    }

    public static Response importCsv(String csv, String source) {
        return given().baseUri(IngestProcess.ingestUrl()).auth().oauth2(TestTokens.staff()).contentType("text/csv")
                .queryParam("source", source).body(csv).post("/api/v1/imports");
    }

    /** One of NATO's editions as staff load it: its series, its title as the source, dated the day it was published. */
    public static Response importEdition(NatoEdition edition) {
        return given().baseUri(IngestProcess.ingestUrl()).auth().oauth2(TestTokens.staff()).contentType("text/csv")
                .queryParam("source", edition.title()).queryParam("publishedOn", edition.publishedOn().toString())
                .body(String.join("\n", edition.seriesLines()) + "\n").post("/api/v1/imports");
    }
}
