package io.pledgewatch.compliance.plan;

import io.pledgewatch.compliance.assessment.AsOf;
import io.pledgewatch.compliance.assessment.AssessmentResource;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.security.Caller;
import io.pledgewatch.reference.Ally;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The Hague annual plans and their verdicts. A delegation reads only its own nation's plan. */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plans")
@SecurityRequirement(name = "jwt")
public class PlanResource {

    @Inject
    PlanService plans;

    @Inject
    Caller caller;

    @GET
    @Path("/{country}")
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF, Caller.SERVICE})
    @Operation(summary = "One Ally's plan 2026–2035: credible or not, the four checks, the first shortfall, every year; "
            + "?asOf=YYYY-MM-DD: as it stood at the end of that day (UTC)")
    public RestResponse<Plan> one(@PathParam("country") String country, @QueryParam("asOf") String asOfText) {
        caller.requireNation(country);
        Ally ally = AssessmentResource.ally(country);
        if (!ally.isAssessed()) {
            throw ProblemException.notFound("country", ally.name() + " has no armed forces and no spending plan");
        }
        AsOf asOf = AsOf.of(asOfText);
        return asOf.respond(plans.plan(ally, asOf)
                .orElseThrow(() -> ProblemException.notFound("country", "no path rule set is in force")));
    }

    @GET
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF, Caller.SERVICE})
    @Operation(summary = "Every Ally's plan verdict, ?credible=true|false to filter, ?asOf=YYYY-MM-DD as of a day (named "
            + "in the " + AsOf.HEADER + " header); a delegation sees only its own")
    public RestResponse<List<Plan>> list(@QueryParam("credible") String credible, @QueryParam("asOf") String asOfText) {
        if (credible != null && !credible.isEmpty() && !credible.equals("true") && !credible.equals("false")) {
            throw ProblemException.badRequest("credible", "must be true or false");
        }
        String own = caller.delegationCountry();
        AsOf asOf = AsOf.of(asOfText);
        return asOf.respond(plans.all(asOf).stream().filter(p -> own == null || p.country().equals(own))
                .filter(p -> credible == null || credible.isEmpty() || p.credible() == Boolean.parseBoolean(credible))
                .toList());
    }
}
