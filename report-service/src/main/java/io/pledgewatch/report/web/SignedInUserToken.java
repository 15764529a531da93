package io.pledgewatch.report.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sends the signed-in person's own token on a call the console makes for them (a plan check, a plan import, the
 * revisions behind a page), so that ingest and compliance decide what that person may do, not this service: a
 * delegation's import is recorded as the delegation's. Reads that any staff page makes go out with the service token
 * (ServiceTokenFilter) instead.
 */
public class SignedInUserToken implements ClientRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ClientRequestContext request) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + jwt.getRawToken());
        }
    }
}
