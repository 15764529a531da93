package io.pledgewatch.platform.security;

import io.pledgewatch.platform.PlatformConfig;
import io.pledgewatch.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and which nation they may see. A delegation is bound to the nation in its token's
 * {@code country} claim; staff see every nation. Resources ask here before touching a nation's data.
 *
 * <p>Application-scoped: it holds nothing of a request but reads the request's identity through its proxy. Made per
 * request, it would cost every request a bean and a configuration mapping.
 */
@ApplicationScoped
public class Caller {

    public static final String DELEGATION = "delegation";
    public static final String STAFF = "staff";
    public static final String SERVICE = "service";

    @Inject
    SecurityIdentity identity;

    @Inject
    PlatformConfig config;

    public boolean isStaff() {
        return identity.hasRole(STAFF);
    }

    /** The nation a delegation token is bound to, or null for staff and services. */
    public String delegationCountry() {
        if (isStaff() || !identity.hasRole(DELEGATION)) {
            return null;
        }
        Object claim = token().getClaim("country");
        String country = claim == null ? null : claim.toString().replace("\"", "");
        if (country == null || !country.matches("[A-Z]{3}")) {
            throw ProblemException.forbidden("country", "this delegation token carries no valid 'country' claim");
        }
        return country;
    }

    /** Staff and services may touch any nation (endpoints limit roles further); a delegation only its own. */
    public void requireNation(String country) {
        if (isStaff() || identity.hasRole(SERVICE) && !identity.hasRole(DELEGATION)) {
            return;
        }
        String own = delegationCountry();
        if (own == null || !own.equals(country)) {
            throw ProblemException.forbidden("country", "a " + (own == null ? "token without a nation" : own + " delegation")
                    + " cannot access " + country + "'s " + config.api().dataNoun());
        }
    }

    /** Who acted, as recorded beside what they did: the role and the token's user principal (or subject). */
    public String name() {
        JsonWebToken jwt = token();
        String name = jwt.getName() != null ? jwt.getName() : jwt.getSubject();
        String who = name == null ? "unknown" : name;
        String role = isStaff() ? STAFF : identity.hasRole(DELEGATION) ? DELEGATION : SERVICE;
        String label = role + ":" + who;
        return label.length() > 200 ? label.substring(0, 200) : label;
    }

    /**
     * The verified token behind this request. Taken from the identity, not injected: with Quarkus OIDC beside
     * SmallRye JWT (report-service), an injected JsonWebToken is OIDC's, which is empty for bearer and cookie callers.
     */
    private JsonWebToken token() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return jwt;
        }
        throw new IllegalStateException("no verified token behind an authenticated request");
    }
}
