package io.pledgewatch.ingest.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Writes must say what they carry (Content-Type), and a submission is a few hundred bytes: a body far larger
 * is a mistake or an attack. Both are refused before the body is read, so nothing is parsed or stored.
 * (Imports have their own, larger, cap in the HTTP layer.)
 */
public class RequestLimits {

    @ConfigProperty(name = "pledgewatch.limits.submission-body-bytes", defaultValue = "65536")
    long submissionBodyBytes;

    @ServerRequestFilter(preMatching = true)
    public void checkWrites(ContainerRequestContext request) {
        boolean write = "PUT".equals(request.getMethod()) || "POST".equals(request.getMethod());
        if (write && request.getUriInfo().getPath().startsWith("/api/v1/")
                && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            // Guessing the format of a write is how malformed data gets stored: say what is expected instead.
            throw new ProblemException(415, "Unsupported Media Type", "a Content-Type is required: application/json for "
                    + "submissions, text/csv for imports", java.util.List.of(new Violation("Content-Type", "is missing")));
        }
        if (!"PUT".equals(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/v1/submissions")) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > submissionBodyBytes) {
            throw new ProblemException(413, "Content too large", "a submission body may be at most "
                    + submissionBodyBytes + " bytes", java.util.List.of(new Violation("body", "too large")));
        }
    }
}
