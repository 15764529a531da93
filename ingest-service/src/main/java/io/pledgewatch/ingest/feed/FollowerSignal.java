package io.pledgewatch.ingest.feed;

import io.pledgewatch.platform.client.ServiceTokenFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import java.io.Closeable;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * A follower's signal endpoint (compliance-service's {@code POST /api/v1/feed/signal}): "new revisions are committed,
 * read the feed". Its base URL is the whole signal URL, one client per configured follower; {@link FollowerNudge}
 * builds them and is the only caller.
 */
@RegisterRestClient(configKey = "follower-signal")
@RegisterProvider(ServiceTokenFilter.class)
interface FollowerSignal extends Closeable {

    @POST
    Uni<Void> signal();
}
