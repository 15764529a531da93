package io.pledgewatch.report.briefing;

import io.pledgewatch.platform.problem.PastDay;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import io.pledgewatch.platform.security.Caller;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.report.export.BriefingTables;
import io.pledgewatch.report.export.CsvTableWriter;
import io.pledgewatch.report.export.WorkbookWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Briefings for staff: list, metadata, PDF, workbook and CSV downloads, commission one now. */
@Path("/api/v1/briefings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "briefings")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Caller.STAFF)
public class BriefingResource {

    static final String WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final WorkbookWriter WORKBOOKS = new WorkbookWriter();
    private static final CsvTableWriter CSV = new CsvTableWriter();

    @Inject
    BriefingService service;

    @Inject
    BriefingQueries queries;

    @Inject
    Caller caller;

    /**
     * Body of a commission: an Alliance briefing when country is absent; the focus year is chosen when absent; asOf
     * (YYYY-MM-DD, not after today) shows the figures as they stood at the end of that day, the current ones when absent.
     */
    public record Commission(String country, Integer year, String asOf) {
    }

    @GET
    @Operation(summary = "Briefings, newest first (id, kind, period, createdAt, status, size, sha256)")
    public List<BriefingView> list() {
        return queries.newestFirst(500);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One briefing's metadata")
    public BriefingView one(@PathParam("id") String id) {
        return BriefingView.of(find(id));
    }

    @GET
    @Path("/{id}/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "The PDF (Content-Disposition, ETag; If-None-Match gives 304)")
    public Response pdf(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return download(find(id), ifNoneMatch);
    }

    @GET
    @Path("/latest/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "The newest ready Alliance briefing")
    public Response latest(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Briefing b = queries.latestReadyAlliance()
                .orElseThrow(() -> ProblemException.notFound("id", "no Alliance briefing is ready yet"));
        return download(b, ifNoneMatch);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Commission a briefing now (Alliance, or one nation with {\"country\": \"LTU\"}; the figures as "
            + "of a day with {\"asOf\": \"2025-08-28\"}); 202 + Location")
    public Response commission(Commission body) {
        String country = body == null ? null : body.country();
        if (country != null && Allies.get().find(country).isEmpty()) {
            throw ProblemException.invalid("country", "'" + (country.length() > 20 ? country.substring(0, 20) : country)
                    + "' is not a NATO Ally (ISO 3166-1 alpha-3, upper case)");
        }
        Integer year = body == null ? null : body.year();
        if (year != null && !Allies.isYearInScope(year)) {
            throw ProblemException.invalid("year", "must be within " + Allies.FIRST_YEAR + ".." + Allies.LAST_YEAR);
        }
        LocalDate asOf = asOf(body == null ? null : body.asOf());
        Briefing b = service.commission(country, year, asOf, caller.name());
        return Response.accepted(BriefingView.of(b)).location(URI.create("/api/v1/briefings/" + b.id)).build();
    }

    /** The day of a commission's asOf: 400 when it is not a date YYYY-MM-DD, 422 when it is after today (UTC). */
    static LocalDate asOf(String text) {
        return text == null ? null : PastDay.parse("asOf", text, LocalDate.now(ZoneOffset.UTC));
    }

    @GET
    @Path("/{id}/xlsx")
    @Produces({WORKBOOK, MediaType.APPLICATION_JSON})
    @Operation(summary = "The briefing's tables as a workbook: an About sheet, then Alliance table, measures, plans, "
            + "series (ETag; If-None-Match gives 304)")
    public Response xlsx(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Briefing b = ready(find(id));
        // Weak: the workbook's zip carries its own write times, so the bytes differ while the content does not.
        return send(b, ifNoneMatch, b.sha256 + "-xlsx", true, "xlsx", WORKBOOK, () -> WORKBOOKS.write(tables(b)));
    }

    @GET
    @Path("/{id}/csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "One of the briefing's tables as RFC 4180 CSV: ?table=alliance|measures|plans|series")
    public Response csv(@PathParam("id") String id, @QueryParam("table") String table,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (table == null || !BriefingTables.KEYS.contains(table)) {
            throw ProblemException.badRequest("table", "must be one of " + String.join(", ", BriefingTables.KEYS));
        }
        Briefing b = ready(find(id));
        return send(b, ifNoneMatch, b.sha256 + "-" + table, false, table + ".csv", "text/csv; charset=UTF-8; header=present",
                () -> CSV.write(tables(b).table(table).orElseThrow()));
    }

    private BriefingTables tables(Briefing b) {
        return queries.tables(b.id).orElseThrow(() -> new ProblemException(404, "Not found", "briefing " + b.id
                + " was made before briefings kept their tables; commission a new one",
                List.of(new Violation("id", "no tables"))));
    }

    Response download(Briefing b, String ifNoneMatch) {
        return send(ready(b), ifNoneMatch, b.sha256, false, "pdf", "application/pdf", () -> queries.pdf(b.id));
    }

    private static Briefing ready(Briefing b) {
        if (!b.isReady()) {
            throw new ProblemException(409, "Not ready", "briefing " + b.id + " is " + b.status
                    + (b.failureReason == null ? "" : " (" + b.failureReason + ")") + "; poll its metadata until READY");
        }
        return b;
    }

    /** A download with its ETag and file name; the bytes are produced only when the client's copy is stale. */
    private static Response send(Briefing b, String ifNoneMatch, String tag, boolean weak, String extension,
                                 String mediaType, Supplier<byte[]> bytes) {
        EntityTag etag = new EntityTag(tag, weak);
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + tag + "\"") || ifNoneMatch.trim().equals("*"))) {
            return Response.notModified(etag).build();
        }
        String name = b.fileName(extension);
        return Response.ok(bytes.get(), mediaType).tag(etag)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "private, no-cache")
                .build();
    }

    Briefing find(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw ProblemException.notFound("id", "no briefing '" + (id == null ? "" : id.length() > 20 ? id.substring(0, 20) : id) + "'");
        }
        return queries.find(Long.parseLong(id)).orElseThrow(() -> ProblemException.notFound("id", "no briefing " + id));
    }
}
