package io.pledgewatch.report.web;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import io.pledgewatch.report.compliance.ComplianceClient;
import io.pledgewatch.report.compliance.ComplianceData;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The console's pages on the figures: a year's overview, a nation's page (with the plan form for its delegation) and
 * every Ally's plan verdict. Server-rendered (Qute); the only script draws each chart from the table beside it. Figures
 * come from compliance-service (the service token, after {@link WebAccess} let the person in); where they come from is
 * read from ingest-service with the person's own token.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    private static final Logger LOG = Logger.getLogger(ConsolePages.class);

    /** The requirements' default nominal GDP growth (% a year), as the API's. */
    static final String GDP_GROWTH = "3.0";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(WebAccess.Chrome chrome, OverviewView view, String error);

        static native TemplateInstance nation(WebAccess.Chrome chrome, NationView view, PlanForm form);

        static native TemplateInstance plans(WebAccess.Chrome chrome, List<PlanRow> plans);

        static native TemplateInstance unavailable(WebAccess.Chrome chrome, String why);
    }

    /** The plan form's state: a message, the checked verdict and the rows it was given, or the refusal's reasons. */
    record PlanForm(boolean shown, String message, NationView.PlanView checked, String csv, String problem,
                    List<String> problems) {
        static PlanForm none(boolean shown, String message) {
            return new PlanForm(shown, message, null, null, null, List.of());
        }
    }

    record PlanRow(String iso3, String name, String verdict, boolean credible, boolean hasFigures, String shortfallYear,
                   String shortfall) {
    }

    @Inject
    WebAccess access;

    @Inject
    ComplianceClient compliance;

    @Inject
    AsSignedInUser asUser;

    @GET
    @Operation(hidden = true)
    public Response overview(@QueryParam("year") String yearText, @QueryParam("asOf") String asOfText) {
        WebAccess.Access a = access.staff("the Alliance overview");
        if (!a.allowed() && a.chrome() != null && a.chrome().country() != null) {
            // A delegation's home is its own nation's page (where a provider's sign-in returns everyone to).
            return Response.seeOther(URI.create(a.chrome().home())).build();
        }
        if (!a.allowed()) {
            return a.denied();
        }
        String error = null;
        LocalDate asOf = null;
        if (asOfText != null && !asOfText.isBlank()) {
            try {
                asOf = LocalDate.parse(asOfText.strip());
            } catch (DateTimeParseException e) {
                error = "“As of” must be a date (YYYY-MM-DD); showing today's figures instead.";
            }
            if (asOf != null && asOf.isAfter(LocalDate.now(ZoneOffset.UTC))) {
                error = "“As of” cannot be after today; showing today's figures instead.";
                asOf = null;
            }
        }
        Integer year = null;
        if (yearText != null && !yearText.isBlank()) {
            year = yearText.strip().matches("\\d{4}") ? Integer.valueOf(yearText.strip()) : null;
            if (year == null || !Allies.isYearInScope(year)) {
                error = "The year must be one of " + Allies.FIRST_YEAR + "–" + Allies.LAST_YEAR + "; showing the default year.";
                year = null;
            }
        }
        try {
            List<ComplianceData.Assessment> all = compliance.assessments(null, year, asOf);
            int shown = year != null ? year : OverviewView.defaultYear(all, java.time.Year.now().getValue());
            ComplianceData.Alliance alliance = compliance.alliance(shown, asOf);
            OverviewView view = OverviewView.of(shown, asOf == null ? null : asOf.toString(), all, alliance, provenance(null, shown).stream()
                    .collect(Collectors.toMap(WebData.Revision::country, Function.identity(), (x, y) -> y)));
            return Response.ok(Templates.overview(a.chrome(), view, error)).build();
        } catch (ComplianceClient.ComplianceUnavailable e) {
            return unavailable(a.chrome(), e);
        }
    }

    @GET
    @Path("/nations/{country}")
    @Operation(hidden = true)
    public Response nation(@PathParam("country") String country, @QueryParam("year") String yearText,
                           @QueryParam("submitted") String submitted) {
        String iso3 = country.toUpperCase(Locale.ROOT);
        WebAccess.Access a = access.nation(iso3, iso3 + "'s page");
        if (!a.allowed()) {
            return a.denied();
        }
        String message = submitted == null ? null : "Your plan was stored (" + submitted.replaceAll("[^0-9]", "")
                + " rows). The verdict below is compliance-service's once it has read them; this page refreshes until then.";
        return page(a.chrome(), iso3, yearText, PlanForm.none(ownNation(a.chrome(), iso3), message));
    }

    /** Checks the uploaded (or pasted) plan, or submits the rows that were checked: {@code action} says which. */
    @POST
    @Path("/nations/{country}/plan")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response plan(@PathParam("country") String country, @RestForm("action") String action,
                         @RestForm("file") FileUpload file, @RestForm("csv") String csv) {
        String iso3 = country.toUpperCase(Locale.ROOT);
        WebAccess.Access a = access.nation(iso3, iso3 + "'s plan");
        if (!a.allowed()) {
            return a.denied();
        }
        if (!ownNation(a.chrome(), iso3)) {
            return Response.status(403).entity(WebAccess.Templates.forbidden(a.chrome(), "the plan form (it is the delegation's)"))
                    .build();
        }
        String rows = upload(file).orElse(csv == null ? "" : csv);
        if (rows.isBlank()) {
            return Response.status(400).entity(render(a.chrome(), iso3, null,
                    new PlanForm(true, null, null, null, "Choose a CSV file with the plan's rows first.", List.of()))).build();
        }
        try {
            if ("submit".equals(action)) {
                WebData.ImportResult stored = asUser.importPlan(rows);
                LOG.infof("plan for %s submitted through the console by %s: %d rows", iso3, a.chrome().user(), stored.rows());
                return Response.seeOther(URI.create("/nations/" + iso3 + "?submitted=" + stored.rows())).build();
            }
            ComplianceData.Plan checked = asUser.check(iso3, rows);
            return Response.ok(render(a.chrome(), iso3, null,
                    new PlanForm(true, null, NationView.PlanView.of(checked), rows, null, List.of()))).build();
        } catch (AsSignedInUser.Refused refused) {
            List<String> reasons = refused.problem.errors() == null ? List.of() : refused.problem.errors().stream()
                    .map(v -> (v.row() == null ? "" : "row " + v.row() + ": ") + v.field() + " " + v.message()).toList();
            return Response.status(refused.problem.status() == 0 ? 422 : refused.problem.status()).entity(render(a.chrome(), iso3, null,
                    new PlanForm(true, null, null, rows, refused.problem.title() + ": " + refused.problem.detail(), reasons))).build();
        } catch (AsSignedInUser.Unavailable | ComplianceClient.ComplianceUnavailable e) {
            return unavailable(a.chrome(), e);
        }
    }

    @GET
    @Path("/plans")
    @Operation(hidden = true)
    public Response plans() {
        WebAccess.Access a = access.staff("every Ally's plan");
        if (!a.allowed()) {
            return a.denied();
        }
        try {
            List<PlanRow> rows = compliance.plans(null).stream().sorted(Comparator.comparing(ComplianceData.Plan::name))
                    .map(p -> new PlanRow(p.country(), p.name(),
                            !p.hasFigures() ? "no plan" : p.credible() ? "credible" : "not credible", p.credible(), p.hasFigures(),
                            p.firstShortfall() == null ? null : Integer.toString(p.firstShortfall().year()),
                            p.firstShortfall() == null ? null : p.firstShortfall().detail()))
                    .toList();
            return Response.ok(Templates.plans(a.chrome(), rows)).build();
        } catch (ComplianceClient.ComplianceUnavailable e) {
            return unavailable(a.chrome(), e);
        }
    }

    private Response page(WebAccess.Chrome chrome, String iso3, String yearText, PlanForm form) {
        try {
            return Response.ok(render(chrome, iso3, yearText, form)).build();
        } catch (ComplianceClient.ComplianceUnavailable e) {
            return unavailable(chrome, e);
        }
    }

    private TemplateInstance render(WebAccess.Chrome chrome, String iso3, String yearText, PlanForm form) {
        Ally ally = Allies.get().find(iso3).orElse(null);
        if (ally == null) {
            throw new jakarta.ws.rs.NotFoundException(iso3 + " is not an Ally");
        }
        Integer year = yearText != null && yearText.strip().matches("\\d{4}") && Allies.isYearInScope(Integer.parseInt(yearText.strip()))
                ? Integer.valueOf(yearText.strip()) : null;
        if (!ally.isAssessed()) {
            return Templates.nation(chrome, new NationView(iso3, ally.name(), year == null ? 0 : year, List.of(), List.of(), List.of(), null,
                    List.of(), ally.name() + " has no armed forces: it is listed but not assessed, and has no spending plan."),
                    PlanForm.none(false, null));
        }
        ComplianceData.Series series = compliance.series(iso3, null);
        List<ComplianceData.Assessment> assessments = compliance.assessments(iso3, null);
        ComplianceData.Plan plan = compliance.plan(iso3, null);
        ComplianceData.Requirements requirements = null;
        String requirementsNote = null;
        try {
            requirements = compliance.requirements(iso3, GDP_GROWTH);
        } catch (RuntimeException e) {
            // The rest of the page stands without it (a refusal or an outage alike).
            LOG.warnf("requirements for %s not available: %s", iso3, e.getMessage());
            requirementsNote = "What a credible plan needs cannot be read just now.";
        }
        Map<Integer, WebData.Revision> revisions = provenance(iso3, null).stream()
                .collect(Collectors.toMap(WebData.Revision::year, Function.identity(), (x, y) -> y));
        return Templates.nation(chrome, NationView.of(ally, year, series, assessments, plan, requirements, requirementsNote, revisions),
                form);
    }

    /** Current revisions, to say where figures come from; none when ingest cannot say (the page says less). */
    private List<WebData.Revision> provenance(String country, Integer year) {
        try {
            return asUser.submissions(country, year);
        } catch (RuntimeException e) {
            LOG.debugf("no provenance for the page: %s", e.getMessage());
            return List.of();
        }
    }

    private static boolean ownNation(WebAccess.Chrome chrome, String iso3) {
        return iso3.equals(chrome.country());
    }

    private static java.util.Optional<String> upload(FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Files.readString(file.uploadedFile(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response unavailable(WebAccess.Chrome chrome, RuntimeException e) {
        return Response.status(503).header("Retry-After", "30").entity(Templates.unavailable(chrome, e.getMessage())).build();
    }
}
