package io.pledgewatch.report.support;

import io.pledgewatch.platform.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The web console as ./pledgewatch up runs it (development sign-ins on), reading the real ingest and compliance. */
public class ConsoleProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(UpstreamServices.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(WebProfile.devLogin());
        config.put("pledgewatch.briefing.schedule-enabled", "false");
        return config;
    }
}
