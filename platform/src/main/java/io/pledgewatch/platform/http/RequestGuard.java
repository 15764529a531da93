package io.pledgewatch.platform.http;

import io.pledgewatch.platform.PlatformConfig;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What a write must say about its body before the body is read, so that nothing is parsed or stored on a guess:
 * its format (a Content-Type, when it has a body); no content coding the service does not decode (a body announced as gzip is refused,
 * not read as if plain, RFC 9110 §15.5.16); for JSON, UTF-8 (RFC 8259 §8.1 requires it between systems, so a
 * {@code charset} naming anything else is refused) and a sensible size. JSON bodies that claim nothing but are not
 * UTF-8 are caught by {@link Utf8Bodies} as they are read. Text bodies (CSV) are decoded by their declared charset.
 */
public class RequestGuard {

    // A provider: REST filters and mappers are created at static init, before runtime configuration exists. Read
    // once, not per request: each get() of a configuration mapping builds a new bean.
    @Inject
    Provider<PlatformConfig> config;

    private volatile PlatformConfig.Api api;

    private PlatformConfig.Api api() {
        PlatformConfig.Api known = api;
        if (known == null) {
            known = config.get().api();
            api = known;
        }
        return known;
    }

    @ServerRequestFilter(preMatching = true)
    public void checkWrites(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean write = "PUT".equals(method) || "POST".equals(method) || "PATCH".equals(method);
        if (!write || !request.getUriInfo().getPath().startsWith("/api/v1/")) {
            return;
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean body = request.getHeaderString("Transfer-Encoding") != null || length != null && !length.strip().equals("0");
        if (contentType == null && body) {
            // Guessing the format of a write is how malformed data gets stored: say what is expected instead.
            throw new ProblemException(415, "Unsupported Media Type", "a Content-Type is required: "
                    + api().writeMediaTypes(), List.of(new Violation("Content-Type", "is missing")));
        }
        String coding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && !coding.isBlank() && !"identity".equalsIgnoreCase(coding.strip())) {
            throw ProblemException.unsupportedMediaType("Content-Encoding", "content coding '" + abbreviate(coding)
                    + "' is not accepted: send the body uncompressed");
        }
        if (contentType == null) {
            return; // a write without a body (a signal, a commission with defaults) has nothing to interpret
        }
        MediaType type = parse(contentType);
        boolean json = type != null && Utf8Bodies.isJson(type);
        String charset = json ? type.getParameters().get(MediaType.CHARSET_PARAMETER) : null;
        if (charset != null && !isUtf8(charset)) {
            throw ProblemException.unsupportedMediaType("Content-Type", "charset '" + abbreviate(charset)
                    + "' is not accepted: a JSON body must be UTF-8");
        }
        long limit = api().jsonBodyBytes();
        if (json && length != null && length.matches("\\d{1,18}")
                && Long.parseLong(length) > limit) {
            throw new ProblemException(413, "Content too large", "a JSON body may be at most " + limit + " bytes",
                    List.of(new Violation("body", "too large")));
        }
    }

    static boolean isUtf8(String charset) {
        String c = charset.strip().replace("\"", "");
        return c.equalsIgnoreCase("utf-8") || c.equalsIgnoreCase("utf8")
                || c.equalsIgnoreCase(StandardCharsets.US_ASCII.name()); // ASCII is a subset of UTF-8
    }

    private static MediaType parse(String contentType) {
        try {
            return MediaType.valueOf(contentType);
        } catch (IllegalArgumentException malformed) {
            return null; // the resource's own media-type matching answers 415 for this
        }
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
