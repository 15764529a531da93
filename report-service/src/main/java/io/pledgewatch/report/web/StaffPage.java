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
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * The staff web page: briefings newest first with download links, and a form to commission one. Server-rendered
 * (Qute), no JavaScript. Browsers authenticate with the session cookie that the login sets; anonymous visitors
 * are sent to the login page, and nobody without the staff role sees a briefing.
 */
@Path("/")
public class StaffPage {

    private static final String DEV_PASSWORD_WRONG = "password";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<BriefingView> briefings, String user, String message,
                                             List<Ally> allies, boolean refresh);

        static native TemplateInstance login(String error, boolean devLogin, String oidcLogin);

        static native TemplateInstance forbidden(String user);
    }

    @Inject
    SecurityIdentity identity;

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
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response index(@QueryParam("commissioned") String commissioned) {
        Response denied = requireStaff();
        if (denied != null) {
            return denied;
        }
        List<BriefingView> list = queries.newestFirst(200);
        boolean busy = list.stream().anyMatch(BriefingView::inProgress);
        String message = commissioned == null ? null
                : "Briefing " + commissioned.replaceAll("[^0-9]", "") + " commissioned; this page refreshes until it is ready.";
        List<Ally> allies = Allies.get().all().stream().sorted(Comparator.comparing(Ally::name)).toList();
        return Response.ok(Templates.index(list, caller.name(), message, allies, busy)).build();
    }

    @POST
    @Path("/web/briefings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response commission(@FormParam("country") String country, @HeaderParam("Origin") String origin,
                               @HeaderParam("Host") String host) {
        Response denied = requireStaff();
        if (denied != null) {
            return denied;
        }
        // The session cookie is SameSite=Lax, which already keeps it off cross-site POSTs; refusing foreign origins as
        // well keeps cross-site forms out of browsers that do not honour SameSite.
        if (origin != null && host != null && !origin.endsWith("://" + host)) {
            return Response.status(403).entity("cross-site request refused").type(MediaType.TEXT_PLAIN).build();
        }
        String nation = country == null || country.isBlank() || Allies.get().find(country).isEmpty() ? null : country;
        Briefing b = briefings.commission(nation, null, caller.name());
        return Response.seeOther(URI.create("/?commissioned=" + b.id)).build();
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
        return Templates.login(message, devLogin.enabled(), config.web().oidc().enabled() ? ProviderSignIn.SIGN_IN : null);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response login(@FormParam("password") String password) {
        if (!devLogin.enabled()) {
            return Response.status(404).build();
        }
        return devLogin.tokenFor(password)
                .map(token -> Response.seeOther(URI.create("/")).cookie(session.holding(token, DevLogin.SESSION)).build())
                .orElseGet(() -> Response.seeOther(URI.create("/login?error=" + DEV_PASSWORD_WRONG)).build());
    }

    @POST
    @Path("/logout")
    @Operation(hidden = true)
    public Response logout() {
        String next = config.web().oidc().enabled() ? ProviderSignIn.SIGN_OUT : "/login";
        return Response.seeOther(URI.create(next)).cookie(session.cleared()).build();
    }

    /** null when the caller is staff; otherwise the response to send (login for the anonymous, 403 page else). */
    private Response requireStaff() {
        try {
            if (identity.isAnonymous()) {
                return Response.seeOther(URI.create("/login")).build();
            }
        } catch (AuthenticationFailedException expiredOrForged) {
            // An expired provider token is renewed without a click while the provider's own session lasts.
            return Response.seeOther(URI.create(config.web().oidc().enabled() ? ProviderSignIn.SIGN_IN : "/login")).build();
        }
        if (!identity.hasRole(Caller.STAFF)) {
            return Response.status(403).entity(Templates.forbidden(caller.name())).type(MediaType.TEXT_HTML).build();
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
