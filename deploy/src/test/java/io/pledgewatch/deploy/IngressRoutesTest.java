package io.pledgewatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the rendered Ingress against what the services really serve: every operation in each service's OpenAPI
 * document (written at build time to {@code <service>/target/openapi/}) and every web page reaches the service that
 * owns it, while no {@code /q/} path and no operation meant only for the services themselves is routed at all.
 * Paths are matched as the Kubernetes Ingress specification says: Exact, or Prefix element by element, the longest
 * match winning and Exact before Prefix.
 */
class IngressRoutesTest {

    static final List<String> SERVICES = List.of("ingest-service", "compliance-service", "report-service");

    /** Operations only the services call on each other, inside the cluster (docs/architecture.md, The feed). */
    static final Map<String, String> INTERNAL = Map.of(
            "/api/v1/feed", "ingest's change feed, read by compliance",
            "/api/v1/feed/signal", "ingest's nudge to compliance");

    /** report's web pages: hidden from its OpenAPI document, because they answer HTML, not the API. */
    static final List<String> REPORT_PAGES = List.of("/", "/nations/LTU", "/nations/LTU/plan", "/plans", "/briefings",
            "/web/briefings", "/login", "/login/delegation", "/logout", "/oidc/login", "/oidc/sign-out", "/oidc/logout",
            "/console/charts.js", "/console/console.css", "/webjars/uplot/dist/uPlot.iife.min.js");

    static final List<String> MANAGEMENT = List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics",
            "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/index.html");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPublicOperationReachesItsServiceAndNothingElseIsRouted(String overlay) throws Exception {
        Ingress ingress = ingress(overlay);
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (String service : SERVICES) {
            JsonNode paths = openApi(service).path("paths");
            for (var it = paths.fieldNames(); it.hasNext(); ) {
                String template = it.next();
                String path = template.replaceAll("\\{[^}]+}", "X1");
                Optional<String> routedTo = backendOf(ingress, path);
                if (INTERNAL.containsKey(template)) {
                    routedTo.ifPresent(to -> wrong.add(template + " (" + INTERNAL.get(template) + ") is routed to " + to));
                } else {
                    operations += paths.get(template).size();
                    if (!routedTo.equals(Optional.of(service))) {
                        wrong.add(template + " of " + service + " is routed to " + routedTo.orElse("nothing"));
                    }
                }
            }
        }
        for (String page : REPORT_PAGES) {
            if (!backendOf(ingress, page).equals(Optional.of("report-service"))) {
                wrong.add("report's page " + page + " is routed to " + backendOf(ingress, page).orElse("nothing"));
            }
        }
        for (String management : MANAGEMENT) {
            backendOf(ingress, management).ifPresent(to -> wrong.add(management + " is routed to " + to));
        }
        assertEquals(List.of(), wrong);
        assertTrue(operations >= 20, "only " + operations + " public operations were read: is an OpenAPI document empty?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressServesTlsAndAdmitsTheLargestImport(String overlay) throws Exception {
        Ingress ingress = ingress(overlay);
        var tls = ingress.getSpec().getTls();
        assertFalse(tls == null || tls.isEmpty(), "no TLS on the Ingress");
        for (IngressRule rule : ingress.getSpec().getRules()) {
            assertTrue(tls.stream().anyMatch(t -> t.getHosts().contains(rule.getHost()) && t.getSecretName() != null),
                    "host " + rule.getHost() + " has no certificate");
        }
        long admitted = bytes(ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size"));
        Properties ingest = new Properties();
        try (InputStream in = Files.newInputStream(RenderedManifestsTest.ROOT.resolve(
                "ingest-service/src/main/resources/application.properties"))) {
            ingest.load(in);
        }
        long largestImport = bytes(ingest.getProperty("quarkus.http.limits.max-body-size"));
        assertTrue(admitted >= largestImport, "the Ingress admits " + admitted + " bytes, an import may be " + largestImport);
    }

    /** The service an Ingress sends {@code path} to, if any. */
    static Optional<String> backendOf(Ingress ingress, String path) {
        return ingress.getSpec().getRules().stream()
                .flatMap(r -> r.getHttp().getPaths().stream())
                .filter(p -> matches(p, path))
                .max(Comparator.comparingInt((HTTPIngressPath p) -> elements(p.getPath()).length)
                        .thenComparing(p -> "Exact".equals(p.getPathType())))
                .map(p -> p.getBackend().getService().getName());
    }

    static boolean matches(HTTPIngressPath rule, String path) {
        if ("Exact".equals(rule.getPathType())) {
            return rule.getPath().equals(path);
        }
        String[] prefix = elements(rule.getPath());
        String[] request = elements(path);
        return prefix.length <= request.length && Arrays.equals(prefix, Arrays.copyOf(request, prefix.length));
    }

    static String[] elements(String path) {
        return Arrays.stream(path.split("/")).filter(e -> !e.isEmpty()).toArray(String[]::new);
    }

    /** "8M", "8m", "64K", "1048576": in bytes (both Quarkus and ingress-nginx count in powers of 1024). */
    static long bytes(String size) {
        String s = size.trim().toUpperCase();
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    static Ingress ingress(String overlay) throws IOException, InterruptedException {
        List<Ingress> ingresses = RenderedManifestsTest.render(overlay).stream().filter(Ingress.class::isInstance)
                .map(Ingress.class::cast).toList();
        assertEquals(1, ingresses.size(), overlay + " renders " + ingresses.size() + " Ingresses");
        return ingresses.get(0);
    }

    static JsonNode openApi(String service) throws IOException {
        Path document = RenderedManifestsTest.ROOT.resolve(service + "/target/openapi/openapi.json");
        assertTrue(Files.isRegularFile(document), document + " is missing: build the services first (./mvnw package)");
        return new ObjectMapper().readTree(document.toFile());
    }

}
