package io.pledgewatch.report.mail;

import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.security.Caller;
import io.pledgewatch.platform.persistence.UniqueKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who receives the scheduled Alliance briefing by e-mail; staff only. */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "subscriptions")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Caller.STAFF)
public class SubscriptionResource {

    @Inject
    Caller caller;

    /** The primary key of table subscription: a second subscription of the same address. */
    private static final String ONE_PER_ADDRESS = "subscription_pkey";

    @Inject
    SubscriptionRepository subscriptions;

    public record SubscriptionView(String email, Instant createdAt, String createdBy) {
        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.email, s.createdAt, s.createdBy);
        }
    }

    @GET
    @Operation(summary = "Every subscribed address")
    public List<SubscriptionView> list() {
        return subscriptions.byAddress().stream().map(SubscriptionView::of).toList();
    }

    @PUT
    @Path("/{email}")
    @Operation(summary = "Subscribe an address to the scheduled Alliance briefing: 201, or 200 when it already is")
    public Response subscribe(@PathParam("email") String email) {
        String address = valid(email);
        String by = caller.name();
        Subscription s = new Subscription();
        s.email = address;
        s.createdAt = Instant.now();
        s.createdBy = by;
        boolean created;
        try {
            created = QuarkusTransaction.requiringNew().call(() -> {
                if (subscriptions.findByIdOptional(address).isPresent()) {
                    return false;
                }
                subscriptions.persist(s);
                subscriptions.flush();
                return true;
            });
        } catch (RuntimeException e) {
            if (!UniqueKey.violated(e, ONE_PER_ADDRESS)) {
                throw e;
            }
            created = false; // a request beside this one subscribed it first
        }
        SubscriptionView view = SubscriptionView.of(subscriptions.findById(address));
        return created ? Response.created(URI.create("/api/v1/subscriptions/" + address)).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("/{email}")
    @Operation(summary = "End a subscription: 204, or 404 when the address is not subscribed")
    public Response unsubscribe(@PathParam("email") String email) {
        String address = valid(email);
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> subscriptions.deleteById(address));
        if (!deleted) {
            throw ProblemException.notFound("email", address + " is not subscribed");
        }
        return Response.noContent().build();
    }

    private static String valid(String email) {
        return EmailAddress.normalised(email).orElseThrow(() -> ProblemException.badRequest("email",
                "'" + (email == null ? "" : email.length() > 60 ? email.substring(0, 60) + "…" : email)
                        + "' is not an e-mail address (name@example.org)"));
    }
}
