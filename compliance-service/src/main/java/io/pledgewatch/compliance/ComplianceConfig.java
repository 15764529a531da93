package io.pledgewatch.compliance;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** compliance-service's own settings (what every service shares is in PlatformConfig); defaults in application.properties. */
@ConfigMapping(prefix = "pledgewatch")
public interface ComplianceConfig {

    Follower follower();

    Ingest ingest();

    interface Ingest {
        /** ingest-service's base URL (PLEDGEWATCH_INGEST_URL). */
        String url();

        /** How long a connection to ingest may take to open (PLEDGEWATCH_INGEST_CONNECT_TIMEOUT). */
        Duration connectTimeout();

        /** How long a feed page may take to arrive (PLEDGEWATCH_INGEST_READ_TIMEOUT). */
        Duration readTimeout();
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
