package io.pledgewatch.compliance.follower;

import io.pledgewatch.platform.security.ServiceToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The feed as this service reads it: bounded in time, retried once, and behind a circuit breaker so a
 * down ingest is not hammered. When ingest stays unreachable the call fails and the follower simply tries
 * again on its next tick; nothing is lost because the cursor only moves with applied pages.
 */
@ApplicationScoped
public class IngestFeed {

    @Inject
    @RestClient
    IngestFeedApi api;

    @Inject
    ServiceToken token;

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = IllegalStateException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 3, delayUnit = ChronoUnit.SECONDS)
    public FeedPage page(long after, int limit) {
        return api.page(after, limit, token.authorization());
    }
}
