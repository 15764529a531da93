package io.pledgewatch.report.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pledgewatch.platform.problem.Problem;
import io.pledgewatch.report.compliance.ComplianceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The calls the console makes as the signed-in person, each bounded in time ({@code quarkus.fault-tolerance."…AsSignedInUser"}).
 * Never retried: an import is the person's act, sent once. A refusal by the other service (its problem+json) comes back
 * as {@link Refused} for the page to show; anything else as {@link Unavailable}.
 */
@ApplicationScoped
@Timeout
public class AsSignedInUser {

    private static final Logger LOG = Logger.getLogger(AsSignedInUser.class);

    @Inject
    @RestClient
    IngestApi ingest;

    @Inject
    @RestClient
    PlanCheckApi plans;

    @Inject
    ObjectMapper json;

    /** The other service said no, with its reasons. */
    public static class Refused extends RuntimeException {
        final transient Problem problem;

        Refused(Problem problem) {
            super(problem.detail());
            this.problem = problem;
        }
    }

    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public ComplianceData.Plan check(String country, String csv) {
        return call("compliance-service", () -> plans.check(country, csv));
    }

    WebData.ImportResult importPlan(String csv) {
        return call("ingest-service", () -> ingest.importCsv(csv));
    }

    List<WebData.Revision> submissions(String country, Integer year) {
        return call("ingest-service", () -> ingest.submissions(country, year));
    }

    private <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new Refused(problem(e, status));
            }
            throw new Unavailable(service + " answered HTTP " + status, e);
        } catch (RuntimeException e) {
            LOG.warnf("%s unreachable from the console: %s", service, e.getMessage());
            throw new Unavailable(service + " cannot be reached just now", e);
        }
    }

    private Problem problem(WebApplicationException e, int status) {
        try {
            String body = e.getResponse().readEntity(String.class);
            return json.readValue(body, Problem.class);
        } catch (RuntimeException | java.io.IOException unreadable) {
            return Problem.of(status, "Refused", "HTTP " + status, null, List.of());
        }
    }
}
