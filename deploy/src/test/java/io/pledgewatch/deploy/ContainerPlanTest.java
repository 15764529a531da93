package io.pledgewatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./pledgewatch containers up} runs is what deploy/overlays/dev renders: a manifest and the container run
 * cannot drift apart. A value the manifests need and the local file lacks, or a local value no manifest uses, fails.
 */
class ContainerPlanTest {

    static final Path LOCAL = RenderedManifestsTest.ROOT.resolve("deploy/containers/local.properties");

    static Properties local() throws Exception {
        return ContainerPlan.load(LOCAL, "/data", "5433");
    }

    @Test
    void everyServiceRunsAsTheDevOverlaySaysWithNothingLeftOverOrMissing() throws Exception {
        String yaml = RenderedManifestsTest.renderYaml("dev");
        ContainerPlan plan = new ContainerPlan(local());
        List<ContainerPlan.Run> runs = plan.plan(yaml);
        assertEquals(Set.of("ingest-service", "compliance-service", "report-service"),
                runs.stream().map(ContainerPlan.Run::name).collect(Collectors.toSet()));
        assertEquals(Set.of(), plan.unusedLocalKeys(), "local values no manifest asks for (stale after a manifest change)");
        Map<String, Deployment> deployments = RenderedManifestsTest.services(RenderedManifestsTest.render("dev")).stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
        for (ContainerPlan.Run run : runs) {
            Deployment d = deployments.get(run.name());
            var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            Set<String> required = c.getEnv().stream().filter(e -> e.getValueFrom() == null
                            || e.getValueFrom().getSecretKeyRef() == null
                            || !Boolean.TRUE.equals(e.getValueFrom().getSecretKeyRef().getOptional()))
                    .map(EnvVar::getName).collect(Collectors.toSet());
            assertTrue(run.envNames().containsAll(required), run.name() + " lacks " + required);
            assertTrue(c.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet()).containsAll(run.envNames()),
                    run.name() + " gets a variable its manifest does not set");
            List<String> a = run.arguments();
            assertTrue(a.contains("--read-only"), run.name());
            assertTrue(String.join(" ", a).contains("--network host"), "loopback only: never a bridge");
            assertTrue(String.join(" ", a).contains("--cap-drop ALL"));
            assertTrue(a.contains("no-new-privileges"));
            assertTrue(a.contains("/tmp:rw,exec,size=67108864"), "the emptyDir becomes a tmpfs of its size limit");
            assertEquals(String.valueOf(ContainerPlan.bytes(c.getResources().getLimits().get("memory"))) + "b",
                    a.get(a.indexOf("--memory") + 1), "the manifest's memory limit");
            assertEquals(c.getReadinessProbe().getHttpGet().getPath(), run.readinessPath());
            assertTrue(a.get(a.indexOf("--health-cmd") + 1).endsWith(":" + run.port() + run.readinessPath()));
            assertEquals(c.getPorts().get(0).getContainerPort(), run.port());
            assertEquals("pledgewatch/" + run.name() + ":1.0.0-jvm", a.get(a.size() - 1),
                    "the image ./pledgewatch containers builds from the service's Dockerfile.jvm");
        }
    }

    @Test
    void generatedObjectsAreLookedUpByTheirGeneratorsNameThoughTheManifestsNameThemByTheirContentHash() throws Exception {
        String yaml = RenderedManifestsTest.renderYaml("dev");
        assertTrue(yaml.matches("(?s).*name: pledgewatch-ingest-db-[a-z0-9]{10}\\n.*"), "the Secret is generated with a hash");
        ContainerPlan.Run ingest = new ContainerPlan(local()).plan(yaml).stream()
                .filter(r -> r.name().equals("ingest-service")).findFirst().orElseThrow();
        assertTrue(ingest.arguments().contains("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5433/ingest"),
                "the local value of secret.pledgewatch-ingest-db.jdbc-url");
        assertTrue(ingest.arguments().contains("PLEDGEWATCH_FEED_NOTIFY_URLS=http://127.0.0.1:8082/api/v1/feed/signal"),
                "the local value of configMap.pledgewatch-config.feed-notify-urls");
    }

    @Test
    void aManifestThatNeedsAValueTheLocalRunLacksFailsLoudly() throws Exception {
        String yaml = RenderedManifestsTest.renderYaml("dev").replace("key: jdbc-url", "key: jdbc-url-v2");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ContainerPlan(local()).plan(yaml));
        assertTrue(e.getMessage().contains("local.properties has no secret."), e.getMessage());
    }

    @Test
    void aLocalValueNoManifestUsesIsReported() throws Exception {
        Properties stale = local();
        stale.setProperty("configMap.pledgewatch-config.retired-setting", "x");
        ContainerPlan plan = new ContainerPlan(stale);
        plan.plan(RenderedManifestsTest.renderYaml("dev"));
        assertEquals(Set.of("configMap.pledgewatch-config.retired-setting"), plan.unusedLocalKeys());
    }

    @Test
    void theLocalRunUsesTheJvmImageItBuildsAndRefusesANativeOne() {
        assertEquals("pledgewatch/ingest-service:1.0.0-jvm", ContainerPlan.localImage("pledgewatch/ingest-service:1.0.0"));
        assertThrows(IllegalStateException.class, () -> ContainerPlan.localImage("pledgewatch/ingest-service:1.0.0-native"));
    }
}
