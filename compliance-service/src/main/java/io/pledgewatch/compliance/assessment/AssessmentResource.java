package io.pledgewatch.compliance.assessment;

import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.security.Caller;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Assessments as stored (JSON in the contract's shape). A delegation reads only its own nation. */
@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assessments")
@SecurityRequirement(name = "jwt")
public class AssessmentResource {

    @Inject
    AssessmentService service;

    @Inject
    Caller caller;

    @GET
    @Path("/{country}/{year}")
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF, Caller.SERVICE})
    @Operation(summary = "One nation's assessment for one year, with every target")
    public Response one(@PathParam("country") String country, @PathParam("year") String yearText) {
        caller.requireNation(country);
        Ally ally = ally(country);
        int year = year(yearText);
        String body = service.find(ally.iso3(), year).orElseThrow(() ->
                ProblemException.notFound("year", country + " has no assessment for " + year + " (no submission yet)"));
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF, Caller.SERVICE})
    @Operation(summary = "Assessments, filtered by year and country; a delegation sees only its own nation")
    public Response list(@QueryParam("country") String country, @QueryParam("year") String yearText) {
        Integer year = yearText == null || yearText.isEmpty() ? null : year(yearText);
        String filter = country == null || country.isEmpty() ? null : ally(country).iso3();
        String own = caller.delegationCountry();
        if (own != null) {
            if (filter != null && !filter.equals(own)) {
                caller.requireNation(filter);
            }
            filter = own;
        }
        return Response.ok("[" + String.join(",", service.list(filter, year)) + "]", MediaType.APPLICATION_JSON).build();
    }

    public static Ally ally(String country) {
        return Allies.get().find(country).orElseThrow(() -> ProblemException.notFound("country",
                "'" + (country.length() > 40 ? country.substring(0, 40) : country) + "' is not a NATO Ally"));
    }

    public static int year(String text) {
        if (text == null || !text.matches("\\d{4}")) {
            throw ProblemException.badRequest("year", "must be a four-digit year");
        }
        int year = Integer.parseInt(text);
        if (!Allies.isYearInScope(year)) {
            throw ProblemException.notFound("year", "years are tracked from " + Allies.FIRST_YEAR + " to " + Allies.LAST_YEAR);
        }
        return year;
    }
}
