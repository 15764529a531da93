package io.pledgewatch.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** RFC 9457 problem details, with the fields at fault in {@code errors} and the first of them in {@code field}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, String instance, List<Violation> errors) {
        String field = errors.isEmpty() ? null : errors.get(0).field();
        return new Problem("about:blank", title, status, detail, instance, field, errors);
    }
}
