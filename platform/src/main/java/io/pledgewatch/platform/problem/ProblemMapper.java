package io.pledgewatch.platform.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.pledgewatch.platform.PlatformConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place refusals become {@code application/problem+json}. Anything unforeseen is logged and
 * answered as a bare 500 problem, never with a stack trace.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    ObjectMapper json;

    @Inject
    UriInfo uriInfo;

    // A provider: REST filters and mappers are created at static init, before runtime configuration exists.
    @Inject
    Provider<PlatformConfig> config;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.status(), e.title() != null ? e.title() : config.get().api().invalidTitle(), e.getMessage(), e.violations());
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        return respond(400, "Malformed request body", describe(e), List.of(new Violation(fieldOf(e), describe(e))));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .collect(Collectors.toList());
        return respond(400, "Bad request", violations.isEmpty() ? "invalid request" : violations.get(0).message(), violations);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "Forbidden", "your role does not allow this request", List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return unreadableJson(jpe);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request refused" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "this resource answers application/json only";
            case 415 -> "unsupported Content-Type";
            case 413 -> "request body too large";
            default -> title;
        };
        String field = switch (status) {
            case 415 -> "Content-Type";
            case 406 -> "Accept";
            default -> null;
        };
        return respond(status, title, detail, field == null ? List.of() : List.of(new Violation(field, detail)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (e instanceof JacksonException je && je instanceof JsonProcessingException jpe) {
            return unreadableJson(jpe);
        }
        LOG.errorf(e, "unexpected failure serving %s", path());
        return respond(500, "Internal error", "the request could not be completed; it has been logged", List.of());
    }

    private Response unauthorized() {
        Response r = respond(401, "Unauthorized", "a valid bearer token is required", List.of());
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    public Response respond(int status, String title, String detail, List<Violation> violations) {
        Problem problem = Problem.of(status, title, detail, path(), violations);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            body = "{\"status\":" + status + ",\"title\":\"" + title + "\"}";
        }
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private String path() {
        try {
            return uriInfo.getPath();
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }

    static String fieldOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String parent = pathOf(u.getPath().subList(0, Math.max(0, u.getPath().size() - 1)));
            return parent.isEmpty() ? u.getPropertyName() : parent + "." + u.getPropertyName();
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return pathOf(m.getPath());
        }
        return "body";
    }

    private static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f) {
            return "value " + abbreviate(String.valueOf(f.getValue())) + " is not a valid " + simpleType(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            if (m.getTargetType() != null) {
                return "expected " + simpleType(m.getTargetType()) + " here";
            }
            return "the body does not match the expected shape";
        }
        String original = e.getOriginalMessage();
        return "malformed JSON: " + abbreviate(original == null ? "unreadable" : original);
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (java.math.BigDecimal.class.equals(type) || Number.class.isAssignableFrom(type)) {
            return "number (or decimal string)";
        }
        if (String.class.equals(type)) {
            return "string";
        }
        if (type.isRecord()) {
            return "object";
        }
        return type.getSimpleName();
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
