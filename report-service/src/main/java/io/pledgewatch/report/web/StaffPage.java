package io.pledgewatch.report.web;

import io.pledgewatch.platform.security.Caller;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import io.pledgewatch.report.ReportConfig;
import io.pledgewatch.report.briefing.Briefing;
import io.pledgewatch.report.briefing.BriefingQueries;
import io.pledgewatch.report.briefing.BriefingService;
import io.pledgewatch.report.briefing.BriefingView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The briefings page: briefings newest first with download links, and a form to commission one; and the sign-in and
 * sign-out every page shares. Server-rendered (Qute). Browsers authenticate with the session cookie that the sign-in
 * sets; anonymous visitors are sent to the sign-in page, and nobody without the staff role sees a briefing. Every form
 * carries the CSRF token (quarkus-rest-csrf), which a cross-site form cannot read.
 */
@Path("/")
public class StaffPage {

    private static final String DEV_PASSWORD_WRONG = "password";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(WebAccess.Chrome chrome, List<BriefingView> briefings, String message,
                                             List<Ally> allies, boolean refresh);

        static native TemplateInstance login(String error, boolean devLogin, boolean delegationLogin, List<Ally> allies,
                                             String oidcLogin);
    }

    @Inject
    WebAccess access;

    @Inject
    Caller caller;

    @Inject
    BriefingService briefings;

    @Inject
    BriefingQueries queries;

    @Inject
    DevLogin devLogin;

    @Inject
    SessionCookie session;

    @Inject
    ReportConfig config;

    @GET
    @Path("/briefings")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response index(@QueryParam("commissioned") String commissioned) {
        WebAccess.Access a = access.staff("briefings");
        if (!a.allowed()) {
            return a.denied();
        }
        List<BriefingView> list = queries.newestFirst(200);
        boolean busy = list.stream().anyMatch(BriefingView::inProgress);
        String message = commissioned == null ? null
                : "Briefing " + commissioned.replaceAll("[^0-9]", "") + " commissioned; this page refreshes until it is ready.";
        return Response.ok(Templates.index(a.chrome(), list, message, alliesByName(), busy)).build();
    }

    @POST
    @Path("/web/briefings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response commission(@FormParam("country") String country) {
        WebAccess.Access a = access.staff("briefings");
        if (!a.allowed()) {
            return a.denied();
        }
        String nation = country == null || country.isBlank() || Allies.get().find(country).isEmpty() ? null : country;
        Briefing b = briefings.commission(nation, null, caller.name());
        return Response.seeOther(URI.create("/briefings?commissioned=" + b.id)).build();
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance loginPage(@QueryParam("error") String error,
                                      @QueryParam("error_description") String providerError) {
        String message = error == null ? null
                : DEV_PASSWORD_WRONG.equals(error) ? "That password is not right."
                : "Sign-in at your organisation's provider did not succeed"
                        + (providerError == null ? "" : ": " + abbreviate(providerError)) + ". Please try again.";
        return Templates.login(message, devLogin.enabled(), devLogin.delegationsEnabled(), alliesByName(),
                config.web().oidc().enabled() ? ProviderSignIn.SIGN_IN : null);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response login(@FormParam("password") String password) {
        if (!devLogin.enabled()) {
            return Response.status(404).build();
        }
        return signedIn(devLogin.tokenFor(password), "/");
    }

    /** DEVELOPMENT ONLY: a delegation's sign-in on the embedded default (see {@link DevLogin}). */
    @POST
    @Path("/login/delegation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delegationLogin(@FormParam("country") String country, @FormParam("password") String password) {
        if (!devLogin.delegationsEnabled()) {
            return Response.status(404).build();
        }
        return signedIn(devLogin.delegationTokenFor(country, password), "/nations/" + country);
    }

    @POST
    @Path("/logout")
    @Operation(hidden = true)
    public Response logout() {
        String next = config.web().oidc().enabled() ? ProviderSignIn.SIGN_OUT : "/login";
        return Response.seeOther(URI.create(next)).cookie(session.cleared()).build();
    }

    private Response signedIn(java.util.Optional<String> token, String home) {
        return token.map(t -> Response.seeOther(URI.create(home)).cookie(session.holding(t, DevLogin.SESSION)).build())
                .orElseGet(() -> Response.seeOther(URI.create("/login?error=" + DEV_PASSWORD_WRONG)).build());
    }

    private static List<Ally> alliesByName() {
        return Allies.get().all().stream().sorted(Comparator.comparing(Ally::name)).toList();
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
