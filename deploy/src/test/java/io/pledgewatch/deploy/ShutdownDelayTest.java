package io.pledgewatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pod leaving its Service drops no request (docs/operating.md, Rollouts): Quarkus' shutdown delay is built in, each
 * Deployment sets the delay, and Kubernetes waits for the delay and the service's shutdown timeout before it kills the
 * pod. The rolling restart under load that proves it end to end needs the local container run (not run here).
 */
class ShutdownDelayTest {

    /** What the JVM takes to stop once the requests under way have finished, beyond the two waits. */
    static final Duration STOP_MARGIN = Duration.ofSeconds(5);

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "native"})
    void everyPodGetsTheDelayAndTheShutdownTimeoutBeforeItIsKilled(String overlay) throws Exception {
        Properties shared = properties(RenderedManifestsTest.ROOT.resolve(
                "platform/src/main/resources/META-INF/microprofile-config.properties"));
        assertEquals("true", shared.getProperty("quarkus.shutdown.delay-enabled"), "fixed at build time, for every service");
        List<Deployment> deployments = RenderedManifestsTest.services(RenderedManifestsTest.render(overlay));
        assertEquals(RenderedManifestsTest.PORTS.size(), deployments.size());
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            Container c = RenderedManifestsTest.container(d);
            var delayVariable = RenderedManifestsTest.env(d).get("QUARKUS_SHUTDOWN_DELAY");
            assertNotNull(delayVariable, name + " sets no shutdown delay");
            Duration delay = seconds(delayVariable.getValue());
            assertTrue(delay.compareTo(Duration.ofSeconds(5)) >= 0,
                    name + ": a delay of " + delay + " is shorter than endpoints take to drop a pod");
            String timeout = properties(RenderedManifestsTest.ROOT.resolve(name + "/src/main/resources/application.properties"))
                    .getProperty("quarkus.shutdown.timeout");
            assertNotNull(timeout, name + " waits for no request under way when it stops");
            Duration needed = delay.plus(seconds(timeout)).plus(STOP_MARGIN);
            long grace = d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            assertTrue(grace >= needed.toSeconds(), name + ": killed after " + grace + " s, needs " + needed.toSeconds());
            assertTrue(c.getLifecycle() == null || c.getLifecycle().getPreStop() == null,
                    name + ": the delay does what a preStop sleep would; both would add up");
        }
    }

    /** The rolling update itself never takes a serving pod away before its replacement is ready. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aRollingUpdateAddsBeforeItRemoves(String overlay) throws Exception {
        for (Deployment d : RenderedManifestsTest.services(RenderedManifestsTest.render(overlay))) {
            assertEquals("RollingUpdate", d.getSpec().getStrategy().getType());
            assertEquals(0, d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
            assertNull(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getStrVal());
        }
    }

    /** Whole seconds, as Quarkus writes a short duration ({@code 20s}). */
    static Duration seconds(String value) {
        assertTrue(value.matches("\\d+s"), value + " is not in whole seconds");
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }

    static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }
}
