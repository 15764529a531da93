package io.pledgewatch.compliance.ruleset;

import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rulesets")
@SecurityRequirement(name = "jwt")
public class RuleSetResource {

    @Inject
    RuleSetRegistry registry;

    @Inject
    HistoryRescoring history;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Caller.DELEGATION, Caller.STAFF, Caller.SERVICE})
    @Operation(summary = "The rule sets in force, with their versions")
    public List<RuleSet> inForce() {
        return registry.inForce();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.STAFF)
    @Operation(summary = "Put a new version of a rule set in force; every assessment is re-scored with it")
    public Map<String, Object> activate(@PathParam("id") String id, RuleSet proposed) {
        if (proposed == null) {
            throw ProblemException.badRequest("body", "a rule set definition is required");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            RuleSet active = registry.activate(id, proposed, caller.name());
            int rescored = history.rescoreAll();
            return Map.of("ruleSet", active, "rescored", rescored);
        });
    }
}
