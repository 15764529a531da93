package io.pledgewatch.report.compliance;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** compliance-service's read API (base URL and timeouts: quarkus.rest-client.compliance.*). */
@RegisterRestClient(configKey = "compliance")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ComplianceApi {

    @GET
    @Path("/assessments")
    List<ComplianceData.Assessment> assessments(@QueryParam("country") String country,
                                                @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/alliance/{year}")
    ComplianceData.Alliance alliance(@PathParam("year") int year, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/plans")
    List<ComplianceData.Plan> plans(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/rulesets")
    List<ComplianceData.RuleSet> ruleSets(@HeaderParam("Authorization") String authorization);
}
