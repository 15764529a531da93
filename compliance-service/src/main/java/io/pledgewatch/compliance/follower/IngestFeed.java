package io.pledgewatch.compliance.follower;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * ingest-service's change feed as this service reads it: bounded in time, retried once, and behind a circuit breaker
 * so a down ingest is not hammered (tuned in application.properties). There is no fallback page: when ingest stays
 * unreachable the call fails, {@link FeedFollower} records it for its health check and tries again on the next nudge
 * or poll; nothing is lost because the cursor only moves with applied pages.
 */
@ApplicationScoped
public class IngestFeed {

    @Inject
    @RestClient
    IngestFeedClient ingest;

    @Timeout
    @Retry
    @CircuitBreaker
    public FeedPage page(long after, int limit) {
        return ingest.page(after, limit);
    }
}
