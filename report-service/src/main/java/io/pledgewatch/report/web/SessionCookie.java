package io.pledgewatch.report.web;

import io.pledgewatch.report.ReportConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The browser session: a signed token in the {@code pw_session} cookie, checked on every request like a bearer
 * token. SameSite=Lax rather than Strict because a sign-in through the OIDC provider returns by a cross-site
 * redirect, after which a Strict cookie would not be sent; Lax still keeps it off cross-site POSTs, and the
 * commission form checks the Origin as well. Version 0 (no Version attribute): RFC 2965 cookies are obsolete.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "pw_session";

    @Inject
    ReportConfig config;

    /** A cookie that the browser keeps for {@code lifetime}. */
    public NewCookie holding(String token, Duration lifetime) {
        long seconds = Math.max(0, lifetime.toSeconds());
        return base(token).maxAge((int) Math.min(seconds, Integer.MAX_VALUE)).build();
    }

    /**
     * A cookie kept until the browser closes, whatever the token's own expiry: an expired token must still reach
     * the page so that it can renew it through the provider instead of showing the sign-in page.
     */
    public NewCookie untilBrowserCloses(String token) {
        return base(token).build();
    }

    public NewCookie cleared() {
        return base("").maxAge(0).build();
    }

    private NewCookie.Builder base(String value) {
        return new NewCookie.Builder(NAME).version(0).value(value).path("/").httpOnly(true).secure(config.web().cookieSecure())
                .sameSite(NewCookie.SameSite.LAX);
    }
}
