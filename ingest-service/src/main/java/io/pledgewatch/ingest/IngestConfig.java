package io.pledgewatch.ingest;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** ingest-service's own settings (what every service shares is in PlatformConfig). */
@ConfigMapping(prefix = "pledgewatch")
public interface IngestConfig {

    Feed feed();

    interface Feed {
        /**
         * The followers' signal URLs, nudged after each commit (PLEDGEWATCH_FEED_NOTIFY_URLS, comma-separated,
         * e.g. http://compliance-service:8082/api/v1/feed/signal). None: followers rely on their poll.
         */
        Optional<List<String>> notifyUrls();
    }
}
