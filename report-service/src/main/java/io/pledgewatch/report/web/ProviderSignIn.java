package io.pledgewatch.report.web;

import io.pledgewatch.report.ReportConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Staff sign-in through the organisation's OIDC provider. Quarkus OIDC runs the authorization code flow on
 * /oidc/* (see application.properties) and keeps its own session cookies on that path only; a request reaches
 * {@link #signedIn()} only once authenticated. There the provider's access token becomes the page's session
 * cookie, checked from then on exactly like an API bearer token. The token is verified with this service's own
 * token settings first, so a provider this service does not trust (a misconfigured issuer or key) ends on a
 * clear page, not in a sign-in loop.
 */
@Path("/oidc")
public class ProviderSignIn {

    public static final String SIGN_IN = "/oidc/login";
    public static final String SIGN_OUT = "/oidc/sign-out";
    /** Quarkus OIDC's logout path (RP-initiated logout at the provider, which then returns to /login). */
    static final String PROVIDER_LOGOUT = "/oidc/logout";
    /** The session cookie Quarkus OIDC sets for the 'web' tenant. */
    static final String PROVIDER_SESSION = "q_session_web";

    static final String UNAVAILABLE = "Sign-in is not available: ";

    private static final Logger LOG = Logger.getLogger(ProviderSignIn.class);

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcSession oidcSession;

    @Inject
    JWTParser parser;

    @Inject
    SessionCookie session;

    @GET
    @Path("/login")
    @Operation(hidden = true)
    public Response signedIn() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            return unusable("the provider returned no access token");
        }
        JsonWebToken token;
        try {
            token = parser.parse(credential.getToken());
        } catch (ParseException e) {
            if (e.getCause() instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                // The local OIDC session held an expired token it could not refresh: ask the provider afresh.
                return startOver();
            }
            LOG.errorf("provider sign-in refused: the access token does not verify with mp.jwt.verify.issuer and "
                    + "mp.jwt.verify.publickey.location (%s)", e.getMessage());
            return unusable("this service does not accept the provider's tokens; its issuer and key settings must name the same provider");
        }
        LOG.infof("sign-in through the provider: %s", token.getName());
        return Response.seeOther(URI.create("/")).cookie(session.untilBrowserCloses(credential.getToken())).build();
    }

    /**
     * Quarkus OIDC protects sign-in state and its session with a secret; without one configured (or a client secret
     * of 32+ characters) it makes up its own per process, and a sign-in that returns to another replica fails.
     */
    void warnOfPerReplicaSecrets(@Observes StartupEvent start, Config config, ReportConfig report) {
        if (!report.web().oidc().enabled()) {
            return;
        }
        boolean stateSecret = config.getOptionalValue("quarkus.oidc.web.authentication.state-secret", String.class).isPresent();
        int clientSecret = config.getOptionalValue("quarkus.oidc.web.credentials.secret", String.class).map(String::length).orElse(0);
        if (!stateSecret && clientSecret < 32) {
            LOG.warn("staff sign-in: no QUARKUS_OIDC_WEB_AUTHENTICATION_STATE_SECRET and a client secret under 32 characters; "
                    + "each replica makes up its own, so with several replicas some sign-ins will fail "
                    + "(see docs/operating.md, Staff sign-in)");
        }
    }

    /** After the page's own session is cleared: end the provider's session too, where there is one. */
    @GET
    @Path("/sign-out")
    @Operation(hidden = true)
    public Response signOut(@CookieParam(PROVIDER_SESSION) String providerSession) {
        return Response.seeOther(URI.create(providerSession != null ? PROVIDER_LOGOUT : "/login")).build();
    }

    /** Drops the local OIDC session (not the provider's) and signs in again: the provider issues fresh tokens. */
    private Response startOver() {
        oidcSession.logout().await().atMost(Duration.ofSeconds(10));
        return Response.seeOther(URI.create(SIGN_IN)).build();
    }

    private static Response unusable(String why) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN)
                .entity(UNAVAILABLE + why + ". Please tell the platform operators.").build();
    }
}
