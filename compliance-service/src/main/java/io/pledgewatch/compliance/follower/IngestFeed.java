package io.pledgewatch.compliance.follower;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pledgewatch.compliance.ComplianceConfig;
import io.pledgewatch.platform.http.ServiceApi;
import io.pledgewatch.platform.security.ServiceToken;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * ingest-service's change feed as this service reads it: bounded in time, retried once, and behind a circuit breaker
 * so a down ingest is not hammered. When ingest stays unreachable the call fails and the follower simply tries
 * again on its next tick; nothing is lost because the cursor only moves with applied pages.
 */
@ApplicationScoped
public class IngestFeed {

    private static final TypeReference<FeedPage> PAGE = new TypeReference<>() { };

    @Inject
    ComplianceConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceToken token;

    private ServiceApi ingest;

    @PostConstruct
    void open() {
        ingest = new ServiceApi("ingest-service", config.ingest().url(), config.ingest().connectTimeout(),
                config.ingest().readTimeout(), json, token::authorization);
    }

    @PreDestroy
    void close() {
        ingest.close();
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = IllegalStateException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 3, delayUnit = ChronoUnit.SECONDS)
    public FeedPage page(long after, int limit) {
        return ingest.get(PAGE, "/api/v1/feed", "after", after, "limit", limit);
    }
}
