package io.pledgewatch.ingest.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pledgewatch.ingest.submission.SubmissionRules;
import io.pledgewatch.ingest.submission.SubmissionService;
import io.pledgewatch.ingest.submission.SubmissionView;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import io.pledgewatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * CSV imports, every row valid and stored or none: staff import historical series (amounts or NATO's published
 * ratios) for any nation; a delegation imports amounts rows for its own nation only, so that a whole ten-year
 * plan goes in at once. A staff series may revise a (country, year) several times, in the file's order; a plan
 * holds each year once. Staff may date an import with the day its source published it ({@code publishedOn}): its
 * rows are known since that day, and a row known since earlier than a key's current revision is kept in the
 * history without becoming current (an older edition loaded after a newer one). A dry run goes the same way up to
 * storing, and answers what would be stored instead (a plan's check in compliance-service reads it).
 */
@Path("/api/v1/imports")
@Tag(name = "imports")
@SecurityRequirement(name = "jwt")
public class ImportResource {

    private static final Logger LOG = Logger.getLogger(ImportResource.class);

    @Inject
    SubmissionRules rules;

    @Inject
    SubmissionService service;

    @Inject
    Caller caller;

    /**
     * An import's answer: its id and the rows' outcomes; a dry run's instead says {@code dryRun} and carries the
     * revisions the import would store ({@code items}, in the feed's shape, in the file's order).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportResult(String importId, int rows, Map<String, Long> outcomes, Boolean dryRun,
                               List<SubmissionView> items) {

        static ImportResult dryRun(List<SubmissionView> items) {
            return new ImportResult(null, items.size(), null, true, items);
        }
    }

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.STAFF, Caller.DELEGATION})
    @Operation(summary = "Import a CSV series, all rows or none: staff any nation's amounts or published ratios; "
            + "a delegation its own nation's amounts rows (a plan)",
            description = "At most 10,000 rows. In a staff series a (country, year) may come several times (successive "
                    + "editions): its rows become successive revisions in the file's order, and a row equal to the one "
                    + "before it is unchanged. A plan holds each year once. Staff may give publishedOn (YYYY-MM-DD, not "
                    + "after today): the rows are known since that day, and a row known since earlier than its key's "
                    + "current revision is stored in the history without becoming current (SUPERSEDED). The response "
                    + "counts the rows' outcomes. dryRun=true parses, validates and authorizes the body exactly so and "
                    + "stores nothing: it answers the revisions the import would store (items, as the feed shows them, "
                    + "unnumbered, each with its CSV line) or the same problem the import would.")
    public ImportResult importCsv(@QueryParam("source") String source, @QueryParam("publishedOn") String publishedOnText,
                                  @QueryParam("dryRun") String dryRunText, String body) {
        boolean dryRun = flag("dryRun", dryRunText);
        if (source != null && source.length() > SubmissionRules.SOURCE_MAX) {
            throw ProblemException.badRequest("source", "is longer than " + SubmissionRules.SOURCE_MAX + " characters");
        }
        Optional<LocalDate> publishedOn = Optional.empty();
        if (publishedOnText != null) {
            // A delegation's figures are known when it sends them; dating them earlier would rewrite what the
            // Alliance knew on a past day.
            if (!caller.isStaff()) {
                throw ProblemException.forbidden("publishedOn", "only staff date an import; a delegation's figures are"
                        + " known since they are received");
            }
            publishedOn = Optional.of(SubmissionRules.publishedOn(publishedOnText, LocalDate.now(ZoneOffset.UTC)));
        }
        CsvImport csv = new CsvImport(rules);
        List<CsvImport.Row> rows = caller.isStaff()
                ? csv.parse(body, source, CsvImport.RowGuard.NONE, CsvImport.Repeats.AS_SUCCESSIVE_REVISIONS)
                : csv.parse(body, source, this::ownAmountsOnly, CsvImport.Repeats.REFUSED);
        List<SubmissionService.Item> items = rows.stream()
                .map(r -> new SubmissionService.Item(r.ally(), r.year(), r.content(), Optional.empty(), false))
                .toList();
        if (dryRun) {
            LOG.debugf("dry run of an import by %s: %d rows", caller.name(), rows.size());
            return ImportResult.dryRun(service.preview(items, rows.stream().map(CsvImport.Row::line).toList(),
                    caller.name(), publishedOn));
        }
        String importId = UUID.randomUUID().toString();
        List<SubmissionService.Written> written = service.write(items, caller.name(), importId, publishedOn);
        Map<String, Long> outcomes = written.stream().collect(Collectors.groupingBy(w -> w.outcome().name(),
                java.util.TreeMap::new, Collectors.counting()));
        LOG.infof("import %s by %s: %d rows%s, %s", importId, caller.name(), rows.size(),
                publishedOn.map(day -> " published on " + day).orElse(""), outcomes);
        return new ImportResult(importId, rows.size(), outcomes, null, null);
    }

    /** A query flag: absent is false; anything but true or false is refused rather than read as false. */
    private static boolean flag(String name, String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw ProblemException.badRequest(name, "must be true or false");
    }

    /**
     * A delegation's import: its own nation's figures only, and amounts (published ratios are NATO's, imported by
     * staff). Checked on the raw cells, before validation, so another nation's row is a 403 whatever it holds.
     */
    private void ownAmountsOnly(int line, Map<String, String> cells) {
        String country = cells.get("country");
        caller.requireNation(country == null ? "" : country.strip());
        String ratio = cells.get("defence_pct_gdp");
        if (ratio != null && !ratio.isBlank()) {
            throw new ProblemException(403, "Forbidden", "row " + line + ": published ratios are imported by staff;"
                    + " a delegation imports its own amounts", List.of(new Violation("defence_pct_gdp",
                    "not allowed for a delegation", line)));
        }
    }
}
