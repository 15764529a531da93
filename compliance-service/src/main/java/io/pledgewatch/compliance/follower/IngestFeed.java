package io.pledgewatch.compliance.follower;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * ingest-service as this service calls it: bounded in time, retried once, and behind a circuit breaker so a down
 * ingest is not hammered (tuned in application.properties).
 *
 * <p>The feed has no fallback page: when ingest stays unreachable the call fails, {@link FeedFollower} records it for
 * its health check and tries again on the next nudge or poll; nothing is lost because the cursor only moves with
 * applied pages. An import's dry run is asked for a caller who waits: ingest's refusal of the body is theirs to read
 * ({@link IngestRefusal}, neither retried nor counted against ingest), and an ingest that cannot answer is a 503 that
 * says when to try again ({@link IngestUnavailable}).
 */
@ApplicationScoped
public class IngestFeed {

    private static final Logger LOG = Logger.getLogger(IngestFeed.class);

    @Inject
    @RestClient
    IngestFeedClient ingest;

    @Timeout
    @Retry
    @CircuitBreaker
    public FeedPage page(long after, int limit) {
        return ingest.page(after, limit);
    }

    /** What POST /api/v1/imports would store of {@code csv}, as the caller's import; ingest stores nothing. */
    @Timeout
    @Retry(abortOn = IngestRefusal.class)
    @CircuitBreaker(skipOn = IngestRefusal.class)
    @Fallback(fallbackMethod = "unavailable", skipOn = IngestRefusal.class)
    public ImportDryRun dryRunImport(String csv) {
        try {
            return ingest.dryRunImport(csv);
        } catch (WebApplicationException e) {
            Response refused = e.getResponse();
            if (refused == null || refused.getStatus() < 400 || refused.getStatus() >= 500) {
                throw e;
            }
            throw new IngestRefusal(refused.getStatus(), refused.getHeaderString(HttpHeaders.CONTENT_TYPE),
                    refused.readEntity(String.class));
        }
    }

    ImportDryRun unavailable(String csv, Throwable failure) {
        LOG.warnf("an import's dry run could not be asked of ingest: %s", failure.toString());
        throw new IngestUnavailable();
    }
}
