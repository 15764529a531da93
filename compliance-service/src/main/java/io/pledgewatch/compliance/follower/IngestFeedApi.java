package io.pledgewatch.compliance.follower;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingest-service's change feed (base URL and timeouts: quarkus.rest-client.ingest.*). */
@RegisterRestClient(configKey = "ingest")
@Path("/api/v1/feed")
public interface IngestFeedApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    FeedPage page(@QueryParam("after") long after, @QueryParam("limit") int limit,
                  @HeaderParam("Authorization") String authorization);
}
