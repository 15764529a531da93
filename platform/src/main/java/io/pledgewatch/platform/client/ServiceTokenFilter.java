package io.pledgewatch.platform.client;

import io.pledgewatch.platform.security.ServiceToken;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Adds this service's bearer token to every call a REST client makes to another Pledgewatch service. The one place the
 * token is attached: each {@code @RegisterRestClient} interface registers it with
 * {@code @RegisterProvider(ServiceTokenFilter.class)}, so no method takes the token as a parameter.
 */
public class ServiceTokenFilter implements ClientRequestFilter {

    @Inject
    ServiceToken token;

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, token.authorization());
    }
}
