package io.pledgewatch.ingest.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** The embedded default: an H2 file database, as ./pledgewatch up runs the service. */
public class H2Profile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Path dir = Path.of("target", "h2-test-" + UUID.randomUUID());
        String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/ingest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        return Map.of(
                "quarkus.datasource.db-kind", "h2",
                "%test.quarkus.datasource.db-kind", "h2",
                "quarkus.datasource.jdbc.url", url,
                "%test.quarkus.datasource.jdbc.url", url,
                "%test.quarkus.hibernate-orm.schema-management.strategy", "validate");
    }
}
