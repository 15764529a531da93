package io.pledgewatch.compliance;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** compliance-service's own settings (what every service shares is in PlatformConfig); defaults in application.properties. */
@ConfigMapping(prefix = "pledgewatch")
public interface ComplianceConfig {

    Follower follower();

    Ingest ingest();

    interface Ingest {
        /**
         * ingest-service's base URL (PLEDGEWATCH_INGEST_URL), which the REST client's
         * {@code quarkus.rest-client.ingest.url} takes up.
         */
        String url();
    }

    interface Follower {
        /** Whether this replica follows ingest's feed at all (PLEDGEWATCH_FOLLOWER_ENABLED). */
        boolean enabled();

        /** Revisions fetched per feed request. */
        int pageSize();

        /** How often the feed is polled besides ingest's nudges (the safety net when a nudge is lost). */
        Duration pollInterval();
    }
}
