package io.pledgewatch.platform.problem;

import java.util.List;

/**
 * A refusal the API explains to its caller as RFC 9457 problem details. Thrown by resources and services;
 * turned into a response in exactly one place, {@link ProblemMapper}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Violation> violations;

    /** @param title the problem's title; null for invalid content, which each service titles in its own words */
    public ProblemException(int status, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    /** 422: the content breaks a rule (the title comes from {@code pledgewatch.api.invalid-title}). */
    public static ProblemException invalid(List<Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid; see errors";
        return new ProblemException(422, null, detail, violations);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Bad request", field + ": " + message, List.of(new Violation(field, message)));
    }

    public static ProblemException notFound(String field, String detail) {
        return new ProblemException(404, "Not found", detail, List.of(new Violation(field, detail)));
    }

    public static ProblemException forbidden(String field, String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of(new Violation(field, detail)));
    }

    public static ProblemException unsupportedMediaType(String field, String detail) {
        return new ProblemException(415, "Unsupported Media Type", detail, List.of(new Violation(field, detail)));
    }

    public int status() {
        return status;
    }

    /** The title, or null when the service's own title for invalid content applies. */
    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
