package io.pledgewatch.ingest;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** ingest-service's own settings (what every service shares is in PlatformConfig). */
@ConfigMapping(prefix = "pledgewatch")
public interface IngestConfig {

    Feed feed();

    WriteCombining writeCombining();

    /** See {@code WriteCombiner}. */
    interface WriteCombining {
        /** The most PUTs written in one transaction. 1 turns combining off (each PUT its own transaction). */
        int maxBatch();

        /** How many transactions write PUTs at the same time; more PUTs than that wait and are combined. */
        int maxWriters();
    }

    interface Feed {
        /**
         * The followers' signal URLs, nudged after each commit (PLEDGEWATCH_FEED_NOTIFY_URLS, comma-separated,
         * e.g. http://compliance-service:8082/api/v1/feed/signal). None: followers rely on their poll.
         */
        Optional<List<String>> notifyUrls();

        /** How long a nudge may take to connect to a follower before it is given up. */
        Duration nudgeConnectTimeout();

        /** How long a nudge waits for a follower's answer before it is given up. */
        Duration nudgeReadTimeout();
    }
}
