package io.pledgewatch.ingest.submission;

import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.security.Caller;
import io.pledgewatch.reference.Ally;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * HTTP only: parse, authorize, delegate to {@link SubmissionService}, map outcomes to status codes. A PUT runs on the
 * event loop (it returns a {@link Uni}): its body is read there whole, its rules checked, and it waits for
 * {@link WriteCombiner} without holding a thread; the reads are blocking and run on worker threads.
 */
@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "submissions")
@SecurityRequirement(name = "jwt")
public class SubmissionResource {

    @Inject
    SubmissionRules rules;

    @Inject
    SubmissionService service;

    @Inject
    WriteCombiner combiner;

    @Inject
    Caller caller;

    @PUT
    @Path("/{country}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF})
    @Operation(summary = "Submit or revise one nation's figures for one year",
            description = "201 for the first revision, 200 for a new revision or an unchanged body. "
                    + "If-Match is required once the submission exists (428 without it, 412 when stale).")
    public Uni<Response> put(@PathParam("country") String country, @PathParam("year") String yearText,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, SubmissionPayload body) {
        caller.requireNation(country);
        Ally ally = rules.ally(country);
        int year = SubmissionRules.year(yearText);
        if (body == null) {
            throw ProblemException.badRequest("body", "a JSON submission body is required");
        }
        RevisionContent content = rules.amounts(ally, year, body);
        return Uni.createFrom().completionStage(combiner.put(new SubmissionService.Put(
                new SubmissionService.Item(ally, year, content, Optional.ofNullable(ifMatch), true), caller.name())))
                .map(written -> {
                    URI location = URI.create("/api/v1/submissions/" + country + "/" + year);
                    Response.ResponseBuilder response = written.outcome() == SubmissionService.Outcome.CREATED
                            ? Response.created(location) : Response.ok().location(location);
                    return response.entity(written.view()).header(HttpHeaders.ETAG, written.view().etag())
                            .header("X-Revision-Outcome", written.outcome().name()).build();
                });
    }

    @GET
    @Path("/{country}/{year}")
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF})
    @Operation(summary = "The current revision, with its revision number, receivedAt and submittedBy")
    public Response get(@PathParam("country") String country, @PathParam("year") String yearText,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        caller.requireNation(country);
        Ally ally = rules.ally(country);
        int year = SubmissionRules.year(yearText);
        SubmissionView view = service.current(ally.iso3(), year).orElseThrow(() -> notFound(country, year));
        if (ifNoneMatch != null && ETags.matches(ifNoneMatch, view.revision())) {
            return Response.notModified(EntityTag.valueOf(view.etag())).build();
        }
        return Response.ok(view).header(HttpHeaders.ETAG, view.etag()).build();
    }

    @GET
    @Path("/{country}/{year}/revisions")
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF})
    @Operation(summary = "Every revision, oldest first; nothing is ever overwritten")
    public List<SubmissionView> revisions(@PathParam("country") String country, @PathParam("year") String yearText) {
        caller.requireNation(country);
        Ally ally = rules.ally(country);
        int year = SubmissionRules.year(yearText);
        return service.history(ally.iso3(), year).orElseThrow(() -> notFound(country, year));
    }

    @GET
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF})
    @Operation(summary = "Current revisions; a delegation sees only its own nation")
    public List<SubmissionView> list(@QueryParam("country") String country, @QueryParam("year") String yearText) {
        Integer year = yearText == null || yearText.isEmpty() ? null : SubmissionRules.year(yearText);
        String filter = country == null || country.isEmpty() ? null : rules.ally(country).iso3();
        String own = caller.delegationCountry();
        if (own != null) {
            if (filter != null && !filter.equals(own)) {
                caller.requireNation(filter);
            }
            filter = own;
        }
        return service.list(filter, year);
    }

    private static ProblemException notFound(String country, int year) {
        return ProblemException.notFound("year", country + " has no submission for " + year);
    }
}
