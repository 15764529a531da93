package io.pledgewatch.report.web;

import io.quarkus.oidc.OIDCException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import org.jboss.logging.Logger;

/**
 * A sign-in while the organisation's provider is unreachable: Quarkus OIDC fails the request before any resource
 * runs (it connects to the provider lazily, so this service starts and serves its API without it). Staff get a
 * 503 that says what is wrong and to retry, instead of a bare 500.
 */
@ApplicationScoped
public class ProviderOutage {

    private static final Logger LOG = Logger.getLogger(ProviderOutage.class);

    void install(@Observes Router router) {
        router.route("/oidc/*").order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (!providerUnreachable(ctx.failure()) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        LOG.warnf("staff sign-in failed: the OIDC provider is not reachable (%s)", ctx.failure().getMessage());
        ctx.response().setStatusCode(503).putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Retry-After", "30")
                .end(ProviderSignIn.UNAVAILABLE + "your organisation's sign-in service cannot be reached just now. "
                        + "Please try again in a minute.");
    }

    static boolean providerUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OIDCException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
