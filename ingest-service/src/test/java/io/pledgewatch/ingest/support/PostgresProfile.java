package io.pledgewatch.ingest.support;

import io.pledgewatch.platform.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service on PostgreSQL, as in production: a real server the tests start themselves. */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class));
    }
}
