package io.pledgewatch.compliance.support;

import io.pledgewatch.platform.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * compliance-service on PostgreSQL, following a real ingest-service process. The periodic poll is slowed to a minute:
 * the tests catch up through ingest's nudges or call the follower themselves, and one that must prove the nudge path
 * pauses the scheduler.
 */
public class SuiteProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(IngestProcess.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("pledgewatch.follower.poll-interval", "60s");
    }
}
