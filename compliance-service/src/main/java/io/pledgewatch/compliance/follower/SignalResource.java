package io.pledgewatch.compliance.follower;

import io.pledgewatch.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ingest calls this after each commit so that new revisions are assessed at once instead of at the next poll. */
@Path("/api/v1/feed/signal")
@Tag(name = "feed")
@SecurityRequirement(name = "jwt")
public class SignalResource {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    @Inject
    FeedFollower follower;

    @POST
    @RolesAllowed({Caller.SERVICE, Caller.STAFF})
    @Operation(summary = "New revisions are in ingest's feed: catch up now (202 once the catch-up that reads them has started, at most a second later)")
    public Uni<Response> signal() {
        // Answered when the catch-up round that reads the signalled revisions starts (see FeedFollower), at most
        // after a second: ingest waits two before it gives up on a nudge.
        return Uni.createFrom().completionStage(follower.nudgeAnswered())
                .ifNoItem().after(ANSWER_WITHIN).recoverWithItem((Void) null)
                .map(ignored -> Response.accepted().build());
    }
}
