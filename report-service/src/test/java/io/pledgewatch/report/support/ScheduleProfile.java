package io.pledgewatch.report.support;

import io.pledgewatch.platform.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The scheduler firing every other second (any Quartz cron is accepted), so that a test sees several firings soon,
 * with the real compliance-service behind it.
 */
public class ScheduleProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(UpstreamServices.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("pledgewatch.briefing.cron", "0/2 * * * * ?",
                "pledgewatch.briefing.catch-up", "false",
                "pledgewatch.briefing.retention", "1000");
    }
}
