package io.pledgewatch.ingest.feed;

import io.pledgewatch.ingest.IngestConfig;
import io.pledgewatch.ingest.submission.SubmissionService.RevisionsCommitted;
import io.pledgewatch.platform.http.ServiceHttpClient;
import io.pledgewatch.platform.security.ServiceToken;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Tells feed followers (compliance-service) that new revisions are committed, so they are assessed within
 * milliseconds rather than at the next poll. Best effort by design: asynchronous, short timeouts, no retries,
 * bursts coalesced into one call in flight per follower. compliance answers a nudge when the catch-up round that
 * reads it starts, so one call in flight paces the nudges to its rounds. A lost nudge costs only latency; the
 * follower's periodic poll of the feed is the safety net, and a submission never waits for or fails on a follower.
 */
@ApplicationScoped
public class FollowerNudge {

    private static final Logger LOG = Logger.getLogger(FollowerNudge.class);

    @Inject
    IngestConfig config;

    @Inject
    ServiceToken token;

    // One long-lived client with a completion thread of its own (platform's ServiceHttpClient says why).
    private final ServiceHttpClient client = ServiceHttpClient.open("follower-nudge", Duration.ofMillis(500));
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean warned;

    void onStop(@Observes ShutdownEvent event) {
        client.close();
    }

    void onCommitted(@Observes RevisionsCommitted event) {
        List<String> urls = config.feed().notifyUrls().orElse(List.of());
        if (urls.isEmpty()) {
            return;
        }
        if (!inFlight.compareAndSet(false, true)) {
            pending.set(true);
            return;
        }
        send();
    }

    private void send() {
        pending.set(false);
        String authorization;
        try {
            authorization = token.authorization();
        } catch (IllegalStateException noToken) {
            warnOnce("cannot nudge followers: " + noToken.getMessage());
            inFlight.set(false);
            return;
        }
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> calls = config.feed().notifyUrls().orElse(List.of()).stream()
                .map(url -> client.http().sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                        .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding()))
                .toList();
        java.util.concurrent.CompletableFuture.allOf(calls.toArray(java.util.concurrent.CompletableFuture[]::new))
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        warnOnce("a follower did not take the nudge (" + failure.getClass().getSimpleName()
                                + "); it will catch up from the feed");
                    }
                    if (pending.get()) {
                        send();
                    } else {
                        inFlight.set(false);
                        // A commit may have slipped in between the check and the reset.
                        if (pending.get() && inFlight.compareAndSet(false, true)) {
                            send();
                        }
                    }
                });
    }

    private void warnOnce(String message) {
        if (!warned) {
            warned = true;
            LOG.warn(message);
        } else {
            LOG.debug(message);
        }
    }
}
