package io.pledgewatch.compliance.follower;

import io.pledgewatch.platform.problem.ProblemMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** How ingest's answers to calls made for a caller reach the caller: its refusals unchanged, its absence as a 503. */
public class IngestAnswers {

    @Inject
    ProblemMapper problems;

    @ServerExceptionMapper
    public Response refused(IngestRefusal refusal) {
        return Response.status(refusal.status()).type(refusal.contentType()).entity(refusal.body()).build();
    }

    @ServerExceptionMapper
    public Response unavailable(IngestUnavailable e) {
        return Response.fromResponse(problems.problem(e)).header("Retry-After", IngestUnavailable.RETRY_AFTER_SECONDS)
                .build();
    }
}
