package io.pledgewatch.compliance.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pledgewatch.platform.security.Caller;
import io.pledgewatch.reference.Ally;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** One nation's years in one call, oldest first: what a chart or a spreadsheet needs; now or as of a past day. */
@Path("/api/v1/series")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "series")
@SecurityRequirement(name = "jwt")
public class SeriesResource {

    @Inject
    AssessmentService service;

    @Inject
    Caller caller;

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Series(String country, String name, List<Point> years,
                         @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate asOf) {
    }

    /** One year: the revision it rests on, core% and hague%, and the analyst measures (null where not reported). */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Point(int year, int revision, RevisionKind kind, SubmissionStatus status, String currency,
                        boolean assessed,
                        BigDecimal core, BigDecimal hague, BigDecimal equipment, BigDecimal score,
                        AnalystMeasures.Shares shares, BigDecimal realChange, BigDecimal perCapitaUsd,
                        BigDecimal perSoldierUsd, AnalystMeasures.Usd usd, AnalystMeasures.Ukraine ukraine,
                        BigDecimal constant) {

        static Point of(AssessmentService.Scored s) {
            Assessment a = s.assessment();
            AnalystMeasures m = a.measures();
            Assessment.Values v = a.values();
            return new Point(a.year(), a.revision(), a.kind(), a.submissionStatus(), a.currency(), a.assessed(),
                    v == null ? null : v.core(), v == null ? null : v.hague(), v == null ? null : v.equipment(),
                    a.score(), m == null ? null : m.shares(), m == null ? null : m.realChange(),
                    m == null ? null : m.perCapitaUsd(), m == null ? null : m.perSoldierUsd(), m == null ? null : m.usd(),
                    m == null ? null : m.ukraine(), m == null ? null : m.constant());
        }
    }

    @GET
    @Path("/{country}")
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF, Caller.SERVICE})
    @Operation(summary = "Every year of one nation, oldest first: core%, hague%, shares, real change, per capita, USD; "
            + "?asOf=YYYY-MM-DD: as they stood at the end of that day (UTC)")
    public RestResponse<Series> series(@PathParam("country") String country, @QueryParam("asOf") String asOfText) {
        caller.requireNation(country);
        Ally ally = AssessmentResource.ally(country);
        AsOf asOf = AsOf.of(asOfText);
        return asOf.respond(new Series(ally.iso3(), ally.name(),
                service.scoredCountry(ally.iso3(), asOf).stream().map(Point::of).toList(), asOf.day()));
    }
}
