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
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Assessments as stored (JSON in the contract's shape), or as of a past day scored afresh. A delegation reads only its
 * own nation.
 */
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
    @Operation(summary = "One nation's assessment for one year, with every target; ?asOf=YYYY-MM-DD: as it stood at the "
            + "end of that day (UTC), scored with the rule sets in force now")
    public RestResponse<String> one(@PathParam("country") String country, @PathParam("year") String yearText,
                                    @QueryParam("asOf") String asOfText) {
        caller.requireNation(country);
        Ally ally = ally(country);
        int year = year(yearText);
        AsOf asOf = AsOf.of(asOfText);
        Optional<String> body = asOf.isNow() ? service.find(ally.iso3(), year)
                : service.listAsOf(ally.iso3(), year, asOf).stream().findFirst();
        return asOf.respond(body.orElseThrow(() -> ProblemException.notFound("year", country + " has no assessment for "
                + year + (asOf.isNow() ? " (no submission yet)" : " as of " + asOf.day() + " (nothing known by then)"))));
    }

    @GET
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF, Caller.SERVICE})
    @Operation(summary = "Assessments, filtered by year and country, ?asOf=YYYY-MM-DD as of a day (named in the "
            + AsOf.HEADER + " header); a delegation sees only its own nation")
    public RestResponse<String> list(@QueryParam("country") String country, @QueryParam("year") String yearText,
                                     @QueryParam("asOf") String asOfText) {
        Integer year = yearText == null || yearText.isEmpty() ? null : year(yearText);
        String filter = country == null || country.isEmpty() ? null : ally(country).iso3();
        String own = caller.delegationCountry();
        if (own != null) {
            if (filter != null && !filter.equals(own)) {
                caller.requireNation(filter);
            }
            filter = own;
        }
        AsOf asOf = AsOf.of(asOfText);
        List<String> bodies = asOf.isNow() ? service.list(filter, year) : service.listAsOf(filter, year, asOf);
        return asOf.respond("[" + String.join(",", bodies) + "]");
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
