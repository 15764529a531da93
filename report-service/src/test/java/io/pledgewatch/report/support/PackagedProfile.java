package io.pledgewatch.report.support;

import io.pledgewatch.platform.testing.PostgresResource;
import io.pledgewatch.platform.testing.ServiceProcess;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged report-service (the jar production runs, in its prod profile) on a fresh PostgreSQL database,
 * reading the real compliance-service and trusting the test tokens, as the module's other tests run it. The schedule
 * is off, so that only what a test commissions is rendered.
 */
public class PackagedProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(UpstreamServices.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>();
        try {
            for (String property : ServiceProcess.trustingTestTokens(Files.createTempDirectory("pledgewatch-packaged-"))) {
                int eq = property.indexOf('=');
                overrides.put(property.substring(0, eq), property.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        overrides.put("pledgewatch.briefing.schedule-enabled", "false");
        return overrides;
    }
}
