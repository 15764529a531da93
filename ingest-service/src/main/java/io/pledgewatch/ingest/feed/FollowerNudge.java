package io.pledgewatch.ingest.feed;

import io.pledgewatch.ingest.IngestConfig;
import io.pledgewatch.ingest.submission.SubmissionService.RevisionsCommitted;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Tells feed followers (compliance-service) that new revisions are committed, so they are assessed within
 * milliseconds rather than at the next poll. Best effort by design: asynchronous, short timeouts, no retries,
 * bursts coalesced into one call in flight per follower. compliance answers a nudge when the catch-up round that
 * reads it starts, so one call in flight paces the nudges to its rounds. A lost nudge costs only latency; the
 * follower's periodic poll of the feed is the safety net, and a submission never waits for or fails on a follower:
 * a follower that is down is not retried, its next nudge simply comes with the next commit.
 *
 * <p>The followers are a configured list ({@code pledgewatch.feed.notify-urls}), so their REST clients are built here
 * at start-up, one per URL, rather than injected.
 */
@ApplicationScoped
public class FollowerNudge {

    private static final Logger LOG = Logger.getLogger(FollowerNudge.class);

    @Inject
    IngestConfig config;

    private volatile List<Follower> followers = List.of();
    private volatile boolean warned;

    void onStart(@Observes StartupEvent event) {
        IngestConfig.Feed feed = config.feed();
        followers = feed.notifyUrls().orElse(List.of()).stream()
                .map(url -> new Follower(url, QuarkusRestClientBuilder.newBuilder()
                        .baseUri(URI.create(url))
                        .connectTimeout(feed.nudgeConnectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(feed.nudgeReadTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .build(FollowerSignal.class), this::warnOnce))
                .toList();
    }

    void onStop(@Observes ShutdownEvent event) {
        for (Follower f : followers) {
            try {
                f.client.close();
            } catch (IOException | RuntimeException e) {
                LOG.debugf("closing the nudge client of %s: %s", f.url, e);
            }
        }
    }

    void onCommitted(@Observes RevisionsCommitted event) {
        followers.forEach(Follower::nudge);
    }

    /**
     * One follower: at most one call in flight; nudges meanwhile are coalesced into one more call after it. Package
     * visible so that a unit test can drive it with a signal whose calls it answers itself.
     */
    static final class Follower {
        final String url;
        final FollowerSignal client;
        private final Consumer<String> warn;
        private final AtomicBoolean inFlight = new AtomicBoolean();
        private final AtomicBoolean pending = new AtomicBoolean();

        Follower(String url, FollowerSignal client, Consumer<String> warn) {
            this.url = url;
            this.client = client;
            this.warn = warn;
        }

        void nudge() {
            if (inFlight.compareAndSet(false, true)) {
                send();
            } else {
                pending.set(true);
            }
        }

        private void send() {
            pending.set(false);
            client.signal().subscribe().with(ok -> done(), failure -> {
                warn.accept("follower " + url + " did not take the nudge (" + describe(failure)
                        + "); it will catch up from the feed");
                done();
            });
        }

        private void done() {
            if (pending.get()) {
                send();
                return;
            }
            inFlight.set(false);
            // A commit may have slipped in between the check and the reset.
            if (pending.get() && inFlight.compareAndSet(false, true)) {
                send();
            }
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return failure.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
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
