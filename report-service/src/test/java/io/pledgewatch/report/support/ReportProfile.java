package io.pledgewatch.report.support;

import io.pledgewatch.platform.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * report-service on PostgreSQL reading the real compliance-service. The weekly schedule is off here (its own
 * test has a profile); retries are fast so a recovered compliance is noticed within seconds; retention 4.
 */
public class ReportProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(UpstreamServices.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("pledgewatch.briefing.schedule-enabled", "false",
                "pledgewatch.briefing.retry-backoff", "PT1S",
                "pledgewatch.briefing.retry-poll", "1s",
                "pledgewatch.briefing.retention", "4");
    }
}
