package io.pledgewatch.platform.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Another Pledgewatch service's JSON API as this one reads it: GET with this service's bearer token, answers
 * mapped by the application's ObjectMapper (the same settings as the server side), every failure a
 * {@link CallFailed} or an {@link UncheckedIOException} for the caller's fault-tolerance policy to retry or give
 * up on.
 *
 * <p>The JDK's HTTP client rather than Quarkus' REST client: two services make five GETs between them, and the REST
 * client's extension cost every start (its configuration, and the interceptor it puts in front of every
 * configuration lookup to honour its legacy property names): report started 23 ms sooner without it (README,
 * levers) for what this class does in a hundred lines.
 */
public final class ServiceApi implements AutoCloseable {

    /** The other service answered, but not with what was asked for. */
    public static class CallFailed extends RuntimeException {
        private final int status;

        public CallFailed(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** The HTTP status, or 0 when the answer was not readable. */
        public int status() {
            return status;
        }
    }

    private final String name;
    private final String base;
    private final Duration readTimeout;
    private final ObjectMapper json;
    private final Supplier<String> authorization;
    private final ServiceHttpClient client;

    /**
     * @param name          the other service, as messages name it ("ingest-service")
     * @param baseUrl       its base URL, paths are appended to it
     * @param authorization the Authorization header's value, asked for on every call (a token file may change)
     */
    public ServiceApi(String name, String baseUrl, Duration connectTimeout, Duration readTimeout, ObjectMapper json,
                      Supplier<String> authorization) {
        this.name = name;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI.create(base); // a malformed URL fails where the service is set up, not at each call
        this.readTimeout = readTimeout;
        this.json = json;
        this.authorization = authorization;
        this.client = ServiceHttpClient.open(name + "-client", connectTimeout);
    }

    /**
     * GETs {@code path} with the query parameters given as name, value pairs (a null value leaves its name out) and
     * maps the JSON answer to {@code type}.
     */
    public <T> T get(TypeReference<T> type, String path, Object... query) {
        URI uri = URI.create(base + path + queryString(query));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json")
                .header("Authorization", authorization.get()).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(name + " unreachable (GET " + uri.getPath() + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(name + " call interrupted (GET " + uri.getPath() + ")", 0, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new CallFailed(name + " answered " + status + " to GET " + uri.getPath() + firstLine(response.body()),
                    status, null);
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new CallFailed(name + " answered GET " + uri.getPath() + " with unreadable JSON: "
                    + firstLine(e.getMessage()), 0, e);
        }
    }

    /** Abandons calls in flight (ServiceHttpClient). */
    @Override
    public void close() {
        client.close();
    }

    static String queryString(Object... query) {
        if (query.length % 2 != 0) {
            throw new IllegalArgumentException("query parameters come as name, value pairs");
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < query.length; i += 2) {
            if (query[i + 1] == null) {
                continue;
            }
            s.append(s.isEmpty() ? '?' : '&').append(URLEncoder.encode(query[i].toString(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(query[i + 1].toString(), StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String firstLine(byte[] body) {
        return body == null || body.length == 0 ? "" : ": " + firstLine(new String(body, StandardCharsets.UTF_8));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
