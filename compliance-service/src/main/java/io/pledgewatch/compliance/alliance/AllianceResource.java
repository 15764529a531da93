package io.pledgewatch.compliance.alliance;

import io.pledgewatch.compliance.assessment.AsOf;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Alliance-wide counts, now or as of a past day, and NATO's editions; staff and services only (the US total is one
 * nation's figure).
 */
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

    @Inject
    EditionService editions;

    @GET
    @Path("/{year}")
    @RolesAllowed({Caller.STAFF, Caller.SERVICE})
    @Operation(summary = "How many Allies are assessed and at or above 2%, 3.5%, 5%; on path; median and mean; USD totals; "
            + "what the Alliance spends (Europe+Canada against the US) and what the totals rest on; plans; "
            + "?asOf=YYYY-MM-DD: as it stood at the end of that day (UTC)")
    public RestResponse<AllianceSummary> year(@PathParam("year") String yearText, @QueryParam("asOf") String asOfText) {
        int year = AssessmentResource.year(yearText);
        AsOf asOf = AsOf.of(asOfText);
        return asOf.respond(AllianceCalculator.summarise(year, assessments.scoredYear(year, asOf), ruleSets.fingerprint(),
                AllianceCalculator.planCounts(plans.all(asOf))).withAsOf(asOf.day()));
    }

    /** A literal segment: JAX-RS matches it before the {year} template. */
    @GET
    @Path("/editions")
    @RolesAllowed({Caller.STAFF, Caller.SERVICE})
    @Operation(summary = "NATO's editions loaded, newest first, and what the latest restated against the one before: "
            + "every nation and year whose published % of GDP changed, largest change first; ?asOf=YYYY-MM-DD")
    public RestResponse<Editions> editions(@QueryParam("asOf") String asOfText) {
        AsOf asOf = AsOf.of(asOfText);
        return asOf.respond(editions.editions(asOf));
    }
}
