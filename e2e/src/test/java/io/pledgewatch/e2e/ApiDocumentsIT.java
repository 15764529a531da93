package io.pledgewatch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pledgewatch.platform.testing.ServiceProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged services' OpenAPI documents, as Quarkus builds them: whole, as JSON and as YAML. */
class ApiDocumentsIT {

    @Test
    void eachServiceServesItsWholeDocumentAsJsonAndYaml() throws Exception {
        try (Suite suite = Suite.start("0 0 6 ? * MON")) {
            Map<ServiceProcess, List<String>> operations = Map.of(
                    suite.ingest, List.of("/api/v1/submissions/{country}/{year}", "/api/v1/feed"),
                    suite.compliance, List.of("/api/v1/alliance/{year}", "/api/v1/feed/signal"),
                    suite.report, List.of("/api/v1/briefings", "/api/v1/briefings/{id}/pdf"));
            for (Map.Entry<ServiceProcess, List<String>> e : operations.entrySet()) {
                ServiceProcess service = e.getKey();
                Http.Response json = Http.get(service.url() + "/q/openapi?format=JSON", null);
                assertEquals(200, json.status(), service.name());
                assertTrue(json.header("Content-Type").startsWith("application/json"), json.header("Content-Type"));
                JsonNode paths = json.json().get("paths");
                for (String path : e.getValue()) {
                    assertTrue(paths.has(path), service.name() + " documents " + path + ": " + paths.fieldNames());
                }
                Http.Response yaml = Http.get(service.url() + "/q/openapi", null);
                assertEquals(200, yaml.status());
                assertTrue(yaml.text().contains("  " + e.getValue().get(0) + ":"), yaml.text());

            }
        }
    }
}
