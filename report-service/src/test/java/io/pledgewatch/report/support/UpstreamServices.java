package io.pledgewatch.report.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.pledgewatch.platform.testing.FreePorts;
import io.pledgewatch.platform.testing.ServiceProcess;
import io.pledgewatch.platform.testing.TestDatabases;
import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.NatoEdition;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real ingest-service and compliance-service as processes (each on a PostgreSQL database of its own), loaded with NATO's
 * two published editions (2025 and 2026, each dated the day it was published) and a few delegation submissions for 2026,
 * so report-service reads real assessments over HTTP.
 */
public class UpstreamServices implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess ingest;
    private static ServiceProcess compliance;

    public static ServiceProcess compliance() {
        return compliance;
    }

    public static ServiceProcess ingest() {
        return ingest;
    }

    @Override
    public synchronized Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("pledgewatch-upstream-");
            if (ingest == null) {
                List<String> ingestProperties = new ArrayList<>(ServiceProcess.trustingTestTokens(dir));
                ingestProperties.addAll(TestDatabases.create("ingest").properties());
                ingest = new ServiceProcess("ingest", ServiceProcess.moduleJar("ingest-service"), dir, FreePorts.next(),
                        ingestProperties);
                List<String> complianceProperties = new ArrayList<>(ServiceProcess.trustingTestTokens(dir));
                complianceProperties.addAll(TestDatabases.create("compliance").properties());
                complianceProperties.addAll(List.of("pledgewatch.ingest.url=" + ingest.url(),
                        "pledgewatch.follower.poll-interval=1s"));
                compliance = new ServiceProcess("compliance", ServiceProcess.moduleJar("compliance-service"), dir,
                        FreePorts.next(), complianceProperties);
                ingest.start();
                compliance.start();
                load();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("pledgewatch.compliance.url", compliance.url(), "pledgewatch.ingest.url", ingest.url(),
                "pledgewatch.service-token", TestTokens.service());
    }

    /** The source an edition is imported under, as staff cite it. */
    public static String source(NatoEdition edition) {
        return "NATO, " + edition.title();
    }

    private static void load() {
        // Both editions, in the order they were published and each dated that day, as the embedded default seeds them.
        for (NatoEdition edition : NatoEdition.values()) {
            given().baseUri(ingest.url()).auth().oauth2(TestTokens.staff()).contentType("text/csv")
                    .queryParam("source", source(edition)).queryParam("publishedOn", edition.publishedOn().toString())
                    .body(String.join("\n", edition.seriesLines()) + "\n").post("/api/v1/imports").then().statusCode(200);
        }
        submit("LTU", 2026, "EUR", "89030000000", "4790000000", "1200000000", "0.92");
        submit("DEU", 2026, "EUR", "4470000000000", "108200000000", "22000000000", "0.92");
        submit("TUR", 2026, "TRY", "45000000000000", "1000000000000", "300000000000", "41.5");
        await("compliance-service catching up with the test data").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> compliance.health().replaceAll("\\s", "").contains("\"feedReachable\":true,\"lag\":0"));
    }

    static void submit(String country, int year, String currency, String gdp, String total, String equipment, String rate) {
        java.math.BigDecimal t = new java.math.BigDecimal(total);
        java.math.BigDecimal e = new java.math.BigDecimal(equipment);
        java.math.BigDecimal personnel = t.multiply(new java.math.BigDecimal("0.4")).setScale(0, java.math.RoundingMode.DOWN);
        java.math.BigDecimal infra = t.multiply(new java.math.BigDecimal("0.1")).setScale(0, java.math.RoundingMode.DOWN);
        Map<String, Object> body = Map.of("status", "BUDGET", "currency", currency, "gdp", new java.math.BigDecimal(gdp),
                "defence", Map.of("total", t, "equipment", e, "personnel", personnel, "infrastructure", infra,
                        "other", t.subtract(e).subtract(personnel).subtract(infra)),
                "usdRate", new java.math.BigDecimal(rate));
        // The editions loaded before hold this key already: the delegation revises it, If-Match its current ETag.
        String etag = given().baseUri(ingest.url()).auth().oauth2(TestTokens.staff())
                .get("/api/v1/submissions/" + country + "/" + year).then().statusCode(200).extract().header("ETag");
        given().baseUri(ingest.url()).auth().oauth2(TestTokens.delegation(country)).contentType(ContentType.JSON)
                .header("If-Match", etag).body(body).put("/api/v1/submissions/" + country + "/" + year).then()
                .statusCode(200);
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; stopped when the JVM exits.
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (compliance != null) {
                compliance.stop();
            }
            if (ingest != null) {
                ingest.stop();
            }
        }));
    }
}
