package io.pledgewatch.report.compliance;

import io.pledgewatch.platform.client.ServiceTokenFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** compliance-service's API as report reads it ({@code quarkus.rest-client.compliance.*}); used through {@link ComplianceClient}. */
@RegisterRestClient(configKey = "compliance")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface ComplianceApi {

    // asOf (YYYY-MM-DD): the figures as they stood at the end of that day; null (left out of the query): now.

    /** Every assessment, or one nation's, or one year's ({@code country}, {@code year} null: all). */
    @GET
    @Path("/assessments")
    List<ComplianceData.Assessment> assessments(@QueryParam("country") String country, @QueryParam("year") Integer year,
                                                @QueryParam("asOf") String asOf);

    @GET
    @Path("/alliance/{year}")
    ComplianceData.Alliance alliance(@PathParam("year") int year, @QueryParam("asOf") String asOf);

    @GET
    @Path("/alliance/editions")
    ComplianceData.Editions editions(@QueryParam("asOf") String asOf);

    @GET
    @Path("/rulesets")
    List<ComplianceData.RuleSet> ruleSets();

    @GET
    @Path("/plans")
    List<ComplianceData.Plan> plans(@QueryParam("asOf") String asOf);

    @GET
    @Path("/series/{country}")
    ComplianceData.Series series(@PathParam("country") String country, @QueryParam("asOf") String asOf);

    @GET
    @Path("/plans/{country}")
    ComplianceData.Plan plan(@PathParam("country") String country, @QueryParam("asOf") String asOf);

    @GET
    @Path("/plans/{country}/requirements")
    ComplianceData.Requirements requirements(@PathParam("country") String country, @QueryParam("gdpGrowth") String gdpGrowth);
}
