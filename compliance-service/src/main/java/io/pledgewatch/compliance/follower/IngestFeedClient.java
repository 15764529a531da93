package io.pledgewatch.compliance.follower;

import io.quarkus.rest.client.reactive.ClientQueryParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * ingest-service over HTTP: its change feed, and its import's dry run; used only through {@link IngestFeed}. Every
 * call carries this service's token, but a call {@link ForCaller} carries the caller's ({@link IngestTokenFilter}).
 */
@RegisterRestClient(configKey = "ingest")
@RegisterProvider(IngestTokenFilter.class)
@Path("/api/v1")
interface IngestFeedClient {

    @GET
    @Path("/feed")
    @Produces(MediaType.APPLICATION_JSON)
    FeedPage page(@QueryParam("after") long after, @QueryParam("limit") int limit);

    @POST
    @Path("/imports")
    @ClientQueryParam(name = "dryRun", value = "true")
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @ForCaller
    ImportDryRun dryRunImport(String csv);
}
