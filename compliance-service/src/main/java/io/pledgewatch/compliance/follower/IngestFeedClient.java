package io.pledgewatch.compliance.follower;

import io.pledgewatch.platform.client.ServiceTokenFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingest-service's change feed over HTTP; used only through {@link IngestFeed}. */
@RegisterRestClient(configKey = "ingest")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/feed")
interface IngestFeedClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    FeedPage page(@QueryParam("after") long after, @QueryParam("limit") int limit);
}
