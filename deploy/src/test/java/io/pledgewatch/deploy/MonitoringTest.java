package io.pledgewatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/monitoring: a ServiceMonitor for each service, the alert rules as a PrometheusRule, a Grafana dashboard; and
 * every metric they name is one the services expose: a Micrometer meter registered in a service's code, or one of
 * Quarkus' own that the docs list. A dashboard panel may show a metric that does not exist yet only if it says so.
 */
class MonitoringTest {

    static final Path MONITORING = RenderedManifestsTest.ROOT.resolve("deploy/monitoring");
    static final List<Path> SOURCES = List.of("ingest-service", "compliance-service", "report-service", "platform").stream()
            .map(m -> RenderedManifestsTest.ROOT.resolve(m + "/src/main/java")).toList();
    /** Quarkus' own metrics (Micrometer's HTTP server and JVM binders) and Prometheus' scrape health. */
    static final Set<String> FRAMEWORK = Set.of("http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max", "jvm_memory_used_bytes", "up");
    static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "increase", "absent",
            "or", "and", "unless", "histogram_quantile", "by", "without", "on", "ignoring", "bool");
    static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    static final Pattern METER_SUFFIX = Pattern.compile("(_seconds_count|_seconds_sum|_seconds_max|_seconds|_total|_count|_sum|_max)$");

    @Test
    void everyServiceIsScrapedAtItsMetricsPath() throws Exception {
        List<HasMetadata> objects = RenderedManifestsTest.parse(RenderedManifestsTest.renderYamlAt(MONITORING));
        Map<String, Object> monitors = new java.util.HashMap<>();
        objects.stream().filter(o -> o.getKind().equals("ServiceMonitor"))
                .forEach(o -> monitors.put(o.getMetadata().getName(), DatabaseTest.spec(o)));
        assertEquals(RenderedManifestsTest.PORTS.keySet(), monitors.keySet());
        for (var entry : monitors.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) entry.getValue();
            assertEquals(entry.getKey(), DatabaseTest.path(spec, "selector", "matchLabels", "app.kubernetes.io/name"));
            Map<?, ?> endpoint = (Map<?, ?>) ((List<?>) spec.get("endpoints")).get(0);
            assertEquals("/q/metrics", endpoint.get("path"));
            assertEquals("http", endpoint.get("port"), "the port name of the Service");
        }
        assertTrue(objects.stream().anyMatch(o -> o instanceof ConfigMap c
                && "1".equals(c.getMetadata().getLabels().get("grafana_dashboard"))), "the dashboard for Grafana's sidecar");
    }

    @Test
    void everyAlertNamesOnlyMetricsTheServicesExpose() throws Exception {
        List<HasMetadata> objects = RenderedManifestsTest.parse(RenderedManifestsTest.renderYamlAt(MONITORING));
        HasMetadata rule = DatabaseTest.one(objects, "PrometheusRule", "pledgewatch");
        List<String> alerts = new ArrayList<>();
        Set<String> named = new TreeSet<>();
        for (Object group : (List<?>) DatabaseTest.spec(rule).get("groups")) {
            for (Object r : (List<?>) ((Map<?, ?>) group).get("rules")) {
                alerts.add((String) ((Map<?, ?>) r).get("alert"));
                named.addAll(metrics((String) ((Map<?, ?>) r).get("expr")));
            }
        }
        assertTrue(alerts.containsAll(List.of("PledgewatchScheduledBriefingFailed", "PledgewatchFeedLagging",
                "PledgewatchFeedNotFollowed")), alerts.toString());
        assertTrue(named.contains("pledgewatch_feed_fetch_seconds_count"), "a feed compliance cannot read raises an alert");
        for (String metric : named) {
            assertTrue(exposed(metric), metric + " is exposed by no service");
        }
    }

    @Test
    void theDashboardShowsExposedMetricsOrSaysWhichAreNotYet() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("pledgewatch-dashboard.json").toFile());
        Set<String> shown = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            boolean saysNotYet = panel.path("description").asText().startsWith("Not exposed yet");
            Set<String> metrics = new TreeSet<>();
            panel.path("targets").forEach(t -> metrics.addAll(metrics(t.get("expr").asText())));
            shown.addAll(metrics);
            for (String metric : metrics) {
                assertTrue(exposed(metric) || saysNotYet, panel.get("title").asText() + ": " + metric + " is exposed by no"
                        + " service, and the panel does not say so");
            }
            if (saysNotYet) {
                assertFalse(metrics.stream().allMatch(MonitoringTest::exposed), panel.get("title").asText()
                        + " says a metric is not exposed yet, but all are: drop the note");
            }
        }
        assertTrue(shown.containsAll(List.of("pledgewatch_feed_lag", "pledgewatch_briefing_failures_total",
                "http_server_requests_seconds_count")), shown.toString());
    }

    /** The metric names in a PromQL expression: identifiers outside label matchers, ranges and groupings. */
    static Set<String> metrics(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ").replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new TreeSet<>();
        IDENTIFIER.matcher(bare).results().map(m -> m.group()).filter(w -> !PROMQL_WORDS.contains(w))
                .forEach(names::add);
        return names;
    }

    /** A framework metric, or a Micrometer meter a service registers under the metric's name. */
    static boolean exposed(String metric) {
        if (FRAMEWORK.contains(metric)) {
            return true;
        }
        if (!metric.startsWith("pledgewatch_")) {
            return false;
        }
        String meter = "\"" + METER_SUFFIX.matcher(metric).replaceFirst("").replace('_', '.') + "\"";
        try {
            for (Path source : SOURCES) {
                if (RenderedManifestsTest.sourcesMention(source, meter)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
