package io.pledgewatch.report.web;

import io.pledgewatch.report.compliance.ComplianceData;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * compliance-service's plan check as the signed-in person (the check is open to the nation's delegation and staff,
 * not to services); same {@code quarkus.rest-client.compliance.*} settings as the briefings' client.
 */
@RegisterRestClient(configKey = "compliance")
@RegisterProvider(SignedInUserToken.class)
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
interface PlanCheckApi {

    @POST
    @Path("/{country}/check")
    @Consumes("text/csv")
    ComplianceData.Plan check(@PathParam("country") String country, String csv);
}
