package io.pledgewatch.report.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingest-service as the signed-in person ({@code quarkus.rest-client.ingest.*}); used through {@link AsSignedInUser}. */
@RegisterRestClient(configKey = "ingest")
@RegisterProvider(SignedInUserToken.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface IngestApi {

    /** Current revisions (a delegation gets only its own). */
    @GET
    @Path("/submissions")
    List<WebData.Revision> submissions(@QueryParam("country") String country, @QueryParam("year") Integer year);

    /** A whole plan, stored as the caller (a delegation: its own nation's amounts rows only). */
    @POST
    @Path("/imports")
    @Consumes("text/csv")
    WebData.ImportResult importCsv(String csv);
}
