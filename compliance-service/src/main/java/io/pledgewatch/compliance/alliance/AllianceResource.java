package io.pledgewatch.compliance.alliance;

import io.pledgewatch.compliance.assessment.AssessmentResource;
import io.pledgewatch.compliance.assessment.AssessmentService;
import io.pledgewatch.compliance.plan.PlanService;
import io.pledgewatch.compliance.ruleset.RuleSetRegistry;
import io.pledgewatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alliance-wide counts; staff and services only (the US total is one nation's figure). */
@Path("/api/v1/alliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alliance")
@SecurityRequirement(name = "jwt")
public class AllianceResource {

    @Inject
    AssessmentService assessments;

    @Inject
    RuleSetRegistry ruleSets;

    @Inject
    PlanService plans;

    @GET
    @Path("/{year}")
    @RolesAllowed({Caller.STAFF, Caller.SERVICE})
    @Operation(summary = "How many Allies are assessed and at or above 2%, 3.5%, 5%; on path; median and mean; USD totals; "
            + "what the Alliance spends (Europe+Canada against the US) and what the totals rest on; plans")
    public AllianceSummary year(@PathParam("year") String yearText) {
        int year = AssessmentResource.year(yearText);
        return AllianceCalculator.summarise(year, assessments.scoredYear(year), ruleSets.fingerprint(),
                AllianceCalculator.planCounts(plans.all()));
    }
}
