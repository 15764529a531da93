package io.pledgewatch.compliance.plan;

import io.pledgewatch.compliance.assessment.AssessmentResource;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.security.Caller;
import io.pledgewatch.reference.Ally;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A plan before it is sent: its check (the verdict these rows would get, nothing stored) and what a credible plan
 * needs. Beside {@link PlanResource} under the same path; a delegation asks about its own nation only.
 */
@Path("/api/v1/plans/{country}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plans")
@SecurityRequirement(name = "jwt")
public class PlanPreparationResource {

    @Inject
    PlanPreparationService preparation;

    @Inject
    Caller caller;

    @POST
    @Path("/check")
    @Consumes("text/csv")
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF})
    @Operation(summary = "Check a plan before sending it: the verdict GET /plans/{country} would give were these CSV "
            + "rows stored, over the nation's current revisions for the other years; nothing is stored",
            description = "The body is the plan as POST /api/v1/imports takes it (the same columns, amounts rows, each "
                    + "year once), for this nation only and the years 2025 (the baseline) to 2035. The import itself "
                    + "reads the rows (its dry run, as the caller, storing nothing): a body it refuses gets its own "
                    + "problem, unchanged (400 unreadable, 403 another nation's rows for a delegation, 422 naming the "
                    + "row and column); a row of another nation or year than the plan's is a 422 naming it; 503 with "
                    + "Retry-After when ingest cannot be reached. The answer carries \"stored\": false and the years "
                    + "the body gave.")
    public CheckedPlan check(@PathParam("country") String country, String body) {
        Ally ally = plannedBy(country);
        return preparation.check(ally, body).orElseThrow(PlanPreparationResource::noPathRuleSet);
    }

    @GET
    @Path("/requirements")
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF, Caller.SERVICE})
    @Operation(summary = "What a credible plan needs: each year 2026–2035 the least core and total spending, in % of "
            + "GDP and in national currency, and which GDP that rests on",
            description = "gdpGrowth (% a year, nominal, default 3.0, -50 to 100) grows the nation's latest reported "
                    + "GDP into the years it has reported none for (gdpSource \"grown\", gdpFromYear); a year with a "
                    + "revision uses its own GDP (gdpSource \"revision\"); without any GDP the amounts are null "
                    + "(gdpSource \"none\").")
    public Requirements requirements(@PathParam("country") String country, @QueryParam("gdpGrowth") String gdpGrowth) {
        Ally ally = plannedBy(country);
        return preparation.requirements(ally, PlanRequirements.growth(gdpGrowth))
                .orElseThrow(PlanPreparationResource::noPathRuleSet);
    }

    /** The Ally whose plan is asked about, once the caller may ask about it; Iceland has no plan. */
    private Ally plannedBy(String country) {
        caller.requireNation(country);
        Ally ally = AssessmentResource.ally(country);
        if (!ally.isAssessed()) {
            throw ProblemException.notFound("country", ally.name() + " has no armed forces and no spending plan");
        }
        return ally;
    }

    private static ProblemException noPathRuleSet() {
        return ProblemException.notFound("country", "no path rule set is in force");
    }
}
