package io.pledgewatch.compliance.follower;

import io.pledgewatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ingest calls this after each commit so that new revisions are assessed at once instead of at the next poll. */
@Path("/api/v1/feed/signal")
@Tag(name = "feed")
@SecurityRequirement(name = "jwt")
public class SignalResource {

    @Inject
    FeedFollower follower;

    @POST
    @RolesAllowed({Caller.SERVICE, Caller.STAFF})
    @Operation(summary = "New revisions are in ingest's feed: catch up now (202; the work happens off this request)")
    public Response signal() {
        follower.nudge();
        return Response.accepted().build();
    }
}
