package io.pledgewatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders each overlay with {@code kubectl kustomize} and holds every object to the operator promises in
 * docs/operating.md (Apply): probes, limits, non-root, read-only root FS, no privilege escalation, dropped
 * capabilities, NetworkPolicies, PDBs, replicas, images named after the modules, and environment variables that the
 * services actually read. Without kubectl the test is skipped on a workstation but fails in CI.
 */
class RenderedManifestsTest {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("PW_PROJECT_ROOT", "..")).toAbsolutePath().normalize();
    static final Map<String, Integer> PORTS = Map.of("ingest-service", 8081, "compliance-service", 8082, "report-service", 8083);

    static List<HasMetadata> render(String overlay) throws IOException, InterruptedException {
        return parse(renderYaml(overlay));
    }

    static List<HasMetadata> parse(String yaml) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (!doc.isBlank()) {
                objects.add(serialization.unmarshal(doc, HasMetadata.class));
            }
        }
        return objects;
    }

    /** The overlay as {@code kubectl kustomize} renders it. */
    static String renderYaml(String overlay) throws IOException, InterruptedException {
        return renderYamlAt(ROOT.resolve("deploy/overlays/" + overlay));
    }

    /** The kustomization in {@code dir} as {@code kubectl kustomize} renders it. */
    static String renderYamlAt(Path dir) throws IOException, InterruptedException {
        boolean haveKubectl;
        try {
            haveKubectl = new ProcessBuilder("kubectl", "version", "--client").start().waitFor() == 0;
        } catch (IOException e) {
            haveKubectl = false;
        }
        if (!haveKubectl && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("kubectl is required in CI (Debian package kubernetes-client)");
        }
        assumeTrue(haveKubectl, "kubectl not installed (apt-get install kubernetes-client): manifests not rendered");
        Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                .redirectErrorStream(true).start();
        String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "kubectl kustomize failed: " + yaml);
        return yaml;
    }

    static List<Deployment> services(List<HasMetadata> objects) {
        return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> PORTS.containsKey(d.getMetadata().getName())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "native"})
    void everyServiceWorkloadKeepsTheOperatorPromises(String overlay) throws Exception {
        List<Deployment> deployments = services(render(overlay));
        assertEquals(PORTS.keySet(), deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            assertEquals(Boolean.TRUE, podSecurity.getRunAsNonRoot(), name);
            assertEquals(1, pod.getContainers().size(), name);
            Container c = pod.getContainers().get(0);
            assertTrue(c.getImage().contains("/" + name + ":"), name + " image " + c.getImage());
            assertEquals(PORTS.get(name), c.getPorts().get(0).getContainerPort(), name);
            for (var probe : List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
                assertNotNull(probe, name + " probe");
                assertTrue(probe.getHttpGet().getPath().startsWith("/q/health/"), name);
            }
            assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
            assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
            assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath());
            assertNotNull(c.getResources().getLimits().get("memory"), name + " memory limit");
            assertNotNull(c.getResources().getLimits().get("cpu"), name + " cpu limit");
            assertNotNull(c.getResources().getRequests().get("memory"), name + " memory request");
            SecurityContext sc = c.getSecurityContext();
            assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), name);
            assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), name);
            assertEquals(Boolean.TRUE, sc.getRunAsNonRoot(), name);
            assertTrue(sc.getCapabilities().getDrop().contains("ALL"), name);
            assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                    name + " needs a writable /tmp with a read-only root");
            assertEquals(d.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"), name);
            assertEquals(name, pod.getServiceAccountName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "native"})
    void environmentVariablesAreOnesTheServicesRead(String overlay) throws Exception {
        List<Deployment> deployments = services(render(overlay));
        assertEquals(PORTS.size(), deployments.size());
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            Set<String> known = envNamesOf(ROOT.resolve(name + "/src/main/resources/application.properties"));
            known.addAll(envNamesOf(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
            known.addAll(runScriptVariables());
            List<EnvVar> variables = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            assertFalse(variables.isEmpty(), name + " sets no environment variable: nothing checked");
            for (EnvVar env : variables) {
                assertTrue(known.contains(env.getName()), name + " sets " + env.getName()
                        + ", which is no property of its application.properties");
            }
        }
    }

    @Test
    void productionSignsStaffInThroughTheProviderWithSecretsFromASecret() throws Exception {
        List<HasMetadata> prod = render("prod");
        Deployment report = services(prod).stream().filter(d -> d.getMetadata().getName().equals("report-service"))
                .findFirst().orElseThrow();
        Map<String, EnvVar> env = env(report);
        String configName = env.get("PLEDGEWATCH_WEB_OIDC_ENABLED").getValueFrom().getConfigMapKeyRef().getName();
        ConfigMap config = prod.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(configName)).findFirst().orElseThrow();
        assertEquals("true", config.getData().get("staff-sign-in"));
        assertTrue(config.getData().get("oidc-auth-server-url").startsWith("https://"));
        for (String secret : List.of("QUARKUS_OIDC_WEB_CREDENTIALS_SECRET", "QUARKUS_OIDC_WEB_AUTHENTICATION_STATE_SECRET",
                "QUARKUS_OIDC_WEB_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET")) {
            assertNotNull(env.get(secret).getValueFrom().getSecretKeyRef(), secret + " must come from a Secret");
        }
        // Replicas must share the secret that protects sign-in state, or a callback on another replica fails.
        assertEquals(env.get("QUARKUS_OIDC_WEB_AUTHENTICATION_STATE_SECRET").getValueFrom().getSecretKeyRef().getKey(),
                env.get("QUARKUS_OIDC_WEB_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET").getValueFrom().getSecretKeyRef().getKey());
        assertTrue(config.getData().values().stream().noneMatch(v -> v.toLowerCase().contains("secret")),
                "no secret in the ConfigMap");
    }

    @Test
    void briefingsByMailUseTheRelayFromTheConfigMapAndCredentialsFromASecretAndFailuresCanAlert() throws Exception {
        Deployment report = services(render("prod")).stream().filter(d -> d.getMetadata().getName().equals("report-service"))
                .findFirst().orElseThrow();
        Map<String, EnvVar> env = report.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertNotNull(env.get("QUARKUS_MAILER_HOST").getValueFrom().getConfigMapKeyRef());
        assertNotNull(env.get("PLEDGEWATCH_MAIL_OPERATORS").getValueFrom().getConfigMapKeyRef());
        assertNotNull(env.get("QUARKUS_MAILER_PASSWORD").getValueFrom().getSecretKeyRef(), "SMTP password from a Secret");
        String rules = Files.readString(ROOT.resolve("deploy/monitoring/prometheus-rule.yaml"));
        assertTrue(rules.contains("pledgewatch_briefing_failures_total"), "the alert rule watches the failure counter");
        assertTrue(sourcesMention(ROOT.resolve("report-service/src/main/java"), "\"pledgewatch.briefing.failures\""),
                "the counter the rule watches is registered in report-service");
    }

    /** Whether a Java source under {@code dir} holds {@code text}, wherever its package puts it. */
    static boolean sourcesMention(Path dir, String text) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> {
                try {
                    return Files.readString(f).contains(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * The variables the JVM images' run-java.sh reads, as the local stand-in base writes it (the UBI base's script
     * reads the same names).
     */
    static Set<String> runScriptVariables() throws IOException {
        String script = Files.readString(ROOT.resolve("deploy/containers/build-base.sh"));
        return java.util.regex.Pattern.compile("\\$\\{(JAVA_[A-Z_]+)").matcher(script).results().map(m -> m.group(1))
                .collect(Collectors.toCollection(HashSet::new));
    }

    static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    static Map<String, EnvVar> env(Deployment d) {
        return container(d).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theJvmImagesRunWithTheirHeapSizedFromTheLimit(String overlay) throws Exception {
        for (Deployment d : services(render(overlay))) {
            String name = d.getMetadata().getName();
            Container c = container(d);
            assertTrue(c.getImage().endsWith("/" + name + ":1.0.0"), name + " runs the JVM image: " + c.getImage());
            assertEquals(185L, d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser(),
                    "the JVM images' user (USER 185 in Dockerfile.jvm)");
            long limit = ContainerPlan.bytes(c.getResources().getLimits().get("memory"));
            assertEquals(limit, ContainerPlan.bytes(c.getResources().getRequests().get("memory")),
                    name + ": a JVM does not give memory back, so the scheduler reserves all it may use");
            int ratio = Integer.parseInt(env(d).get("JAVA_MAX_MEM_RATIO").getValue());
            long heap = limit * ratio / 100;
            // docs/operating.md (Resources): twice the heap the measured load ran in, and twice the memory the JVM
            // used beside its heap under that load, each at least.
            assertTrue(heap >= 2 * 128 * MIB, name + ": heap " + heap / MIB + " MiB");
            assertTrue(limit - heap >= 2 * 128 * MIB, name + ": " + (limit - heap) / MIB + " MiB beside the heap");
        }
    }

    @Test
    void theNativeOverlayDiffersFromProductionOnlyInImagesLimitsAndUser() throws Exception {
        List<Deployment> prod = services(render("prod"));
        List<Deployment> nativeImages = services(render("native"));
        assertEquals(PORTS.size(), nativeImages.size());
        for (Deployment d : nativeImages) {
            String name = d.getMetadata().getName();
            Deployment p = prod.stream().filter(x -> x.getMetadata().getName().equals(name)).findFirst().orElseThrow();
            assertEquals(container(p).getImage() + "-native", container(d).getImage());
            assertEquals(1001L, d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser(),
                    "USER 1001 in Dockerfile.native");
            assertFalse(env(d).containsKey("JAVA_MAX_MEM_RATIO"), "only the JVM images' run-java.sh reads it");
            Map<String, EnvVar> expected = new java.util.HashMap<>(env(p));
            expected.remove("JAVA_MAX_MEM_RATIO");
            assertEquals(expected, env(d), name + ": the same configuration as production");
            assertTrue(ContainerPlan.bytes(container(d).getResources().getLimits().get("memory"))
                    < ContainerPlan.bytes(container(p).getResources().getLimits().get("memory")), name);
        }
    }

    static final long MIB = 1024 * 1024;

    /** Every property in the file, as the environment variable that overrides it (MicroProfile Config rule). */
    static Set<String> envNamesOf(Path properties) throws IOException {
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(properties)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || !l.contains("=")) {
                continue;
            }
            String key = l.substring(0, l.indexOf('=')).strip();
            if (key.startsWith("%")) {
                key = key.substring(key.indexOf('.') + 1);
            }
            names.add(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesAllowOnlyTheArchitecturesFlows(String overlay) throws Exception {
        List<NetworkPolicy> policies = render(overlay).stream().filter(NetworkPolicy.class::isInstance)
                .map(NetworkPolicy.class::cast).toList();
        NetworkPolicy deny = policies.stream().filter(p -> p.getMetadata().getName().equals("pledgewatch-default-deny"))
                .findFirst().orElseThrow();
        assertTrue(deny.getSpec().getIngress() == null || deny.getSpec().getIngress().isEmpty(), "default deny");
        assertEquals(Set.of("compliance-service", "report-service"), allowedPods(policies, "ingest-service"));
        assertEquals(Set.of("report-service", "ingest-service"), allowedPods(policies, "compliance-service"));
        assertEquals(Set.of(), allowedPods(policies, "report-service"), "only the ingress controller reaches report");
    }

    static Set<String> allowedPods(List<NetworkPolicy> policies, String target) {
        return policies.stream()
                .filter(p -> target.equals(p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name")))
                .flatMap(p -> p.getSpec().getIngress().stream()).flatMap(r -> r.getFrom().stream())
                .filter(f -> f.getPodSelector() != null)
                .map(f -> f.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void disruptionBudgetsAndAutoscaling(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        List<PodDisruptionBudget> pdbs = objects.stream().filter(PodDisruptionBudget.class::isInstance)
                .map(PodDisruptionBudget.class::cast).toList();
        assertEquals(PORTS.keySet(), pdbs.stream().map(p -> p.getSpec().getSelector().getMatchLabels()
                .get("app.kubernetes.io/name")).collect(Collectors.toSet()));
        HorizontalPodAutoscaler hpa = objects.stream().filter(HorizontalPodAutoscaler.class::isInstance)
                .map(HorizontalPodAutoscaler.class::cast).findFirst().orElseThrow();
        assertEquals("ingest-service", hpa.getSpec().getScaleTargetRef().getName());
        if (overlay.equals("prod")) {
            assertEquals(PORTS.size(), services(objects).size());
            services(objects).forEach(d -> assertTrue(d.getSpec().getReplicas() >= 2, d.getMetadata().getName()));
            assertTrue(hpa.getSpec().getMinReplicas() >= 2);
            assertFalse(objects.stream().anyMatch(o -> o.getMetadata().getName().startsWith("postgres")),
                    "production's PostgreSQL is CloudNativePG's (DatabaseTest), not the dev overlay's");
            assertTrue(objects.stream().noneMatch(o -> o.getKind().equals("Secret")),
                    "production secrets are created by the operator, never committed");
        } else {
            assertTrue(objects.stream().anyMatch(o -> o.getKind().equals("StatefulSet")
                    && o.getMetadata().getName().equals("postgres")), "dev brings its own PostgreSQL");
        }
    }
}
