package io.pledgewatch.report.web;

import io.pledgewatch.platform.security.Caller;
import io.pledgewatch.report.ReportConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Who may open which page. Staff see every page; a delegation sees only its own nation's page (and its plan form), and
 * any other page answers 403 with a page that says so; the anonymous are sent to the sign-in. Checked by each page
 * before it reads anything, so a refused page has fetched nothing.
 */
@ApplicationScoped
public class WebAccess {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forbidden(Chrome chrome, String what);
    }

    /** What every page's header needs: who is signed in, and where their own pages are. */
    public record Chrome(String user, boolean staff, String country) {

        /** The page a person lands on after signing in. */
        public String home() {
            return staff ? "/" : "/nations/" + country;
        }
    }

    /** Either the signed-in person or the response that replaces the page. */
    public record Access(Chrome chrome, Response denied) {
        public boolean allowed() {
            return denied == null;
        }
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @Inject
    ReportConfig config;

    public Access staff(String what) {
        return check(null, what);
    }

    public Access nation(String country, String what) {
        return check(country, what);
    }

    private Access check(String country, String what) {
        Optional<Response> unsigned = notSignedIn();
        if (unsigned.isPresent()) {
            return new Access(null, unsigned.get());
        }
        Chrome chrome = chrome();
        boolean allowed = chrome.staff() || country != null && country.equals(chrome.country());
        if (!allowed) {
            return new Access(chrome, Response.status(403).entity(Templates.forbidden(chrome, what)).type(MediaType.TEXT_HTML).build());
        }
        return new Access(chrome, null);
    }

    /** The signed-in person; call only after a check let them in. */
    Chrome chrome() {
        String own = null;
        if (!identity.hasRole(Caller.STAFF) && identity.hasRole(Caller.DELEGATION)) {
            try {
                own = caller.delegationCountry();
            } catch (RuntimeException noValidCountry) {
                own = null;
            }
        }
        return new Chrome(caller.name(), identity.hasRole(Caller.STAFF), own);
    }

    private Optional<Response> notSignedIn() {
        try {
            if (identity.isAnonymous()) {
                return Optional.of(Response.seeOther(URI.create("/login")).build());
            }
        } catch (AuthenticationFailedException expiredOrForged) {
            // An expired provider token is renewed without a click while the provider's own session lasts.
            return Optional.of(Response.seeOther(URI.create(config.web().oidc().enabled() ? ProviderSignIn.SIGN_IN : "/login")).build());
        }
        return Optional.empty();
    }
}
