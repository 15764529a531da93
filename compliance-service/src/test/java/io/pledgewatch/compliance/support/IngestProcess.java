package io.pledgewatch.compliance.support;

import io.pledgewatch.platform.testing.FreePorts;
import io.pledgewatch.platform.testing.ServiceProcess;
import io.pledgewatch.platform.testing.TestDatabases;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real ingest-service, started from its built jar as a separate process on a free port with a PostgreSQL
 * database of its own, trusting the test key. Also fixes this service's test port so ingest can nudge it.
 * {@link #stopIngest()} and {@link #startIngest()} let a test take ingest away and bring it back.
 */
public class IngestProcess implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess ingest;

    public static String ingestUrl() {
        return ingest.url();
    }

    @Override
    public Map<String, String> start() {
        int compliancePort = FreePorts.next();
        try {
            Path dir = Files.createTempDirectory("pledgewatch-ingest-");
            List<String> properties = new ArrayList<>(ServiceProcess.trustingTestTokens(dir));
            properties.addAll(TestDatabases.create("ingest").properties());
            properties.add("pledgewatch.feed.notify-urls=http://localhost:" + compliancePort + "/api/v1/feed/signal");
            ingest = new ServiceProcess("ingest", ServiceProcess.moduleJar("ingest-service"), dir, FreePorts.next(), properties);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ingest.start();
        return Map.of(
                "pledgewatch.ingest.url", ingestUrl(),
                "quarkus.http.test-port", String.valueOf(compliancePort),
                "pledgewatch.service-token", TestTokens.service());
    }

    public static void startIngestIfStopped() {
        ingest.start();
    }

    public static void stopIngest() {
        ingest.stop();
    }

    @Override
    public void stop() {
        stopIngest();
    }
}
