package io.pledgewatch.compliance.follower;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether ingest's feed is reachable and how far behind this service is. It stays UP while ingest is
 * down: assessments already made can still be served, and catching up is automatic.
 */
@Readiness
@ApplicationScoped
public class FeedHealth implements HealthCheck {

    @Inject
    FeedFollower follower;

    @Override
    public HealthCheckResponse call() {
        FeedFollower.Status s = follower.status();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("ingest-feed").up()
                .withData("feedReachable", s.feedReachable())
                .withData("lag", s.lag())
                .withData("latestSeen", s.latestSeen())
                .withData("appliedSinceStart", s.appliedSinceStart());
        if (s.lastSuccess() != null) {
            b.withData("lastSuccess", s.lastSuccess().toString());
        }
        if (s.lastError() != null) {
            b.withData("lastError", s.lastError());
        }
        return b.build();
    }
}
