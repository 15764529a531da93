package io.pledgewatch.compliance.follower;

import io.pledgewatch.platform.security.ServiceToken;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;

/**
 * The one place a call to ingest gets its bearer token: this service's own (the feed), or for a call {@link ForCaller}
 * the token the caller presented here, so that ingest authorizes the caller and not this service. The caller's token
 * is only ever sent back to the suite's own ingest, which trusts the same issuer.
 */
public class IngestTokenFilter implements ClientRequestFilter {

    /** The MicroProfile REST Client property that holds the interface method being invoked. */
    static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    @Inject
    ServiceToken service;

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ClientRequestContext request) {
        boolean forCaller = request.getProperty(INVOKED_METHOD) instanceof Method m && m.isAnnotationPresent(ForCaller.class);
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, forCaller ? callers() : service.authorization());
    }

    private String callers() {
        TokenCredential token = identity.isAnonymous() ? null : identity.getCredential(TokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("a call to ingest for the caller, without a caller's bearer token");
        }
        return "Bearer " + token.getToken();
    }
}
