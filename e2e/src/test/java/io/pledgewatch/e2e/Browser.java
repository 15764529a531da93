package io.pledgewatch.e2e;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does for a sign-in, without the rendering: keeps cookies per host, follows redirects one hop at a
 * time (so tests can see each hop), submits forms. The real-browser run of the same flow is in e2e/browser.
 */
public final class Browser {

    /** A page arrived at after following redirects, with every URL on the way. */
    public record Page(int status, URI url, String body, List<URI> hops) {

        /** The action of the first form with this id (HTML entities in it decoded). */
        public URI formAction(String formId) {
            Matcher m = Pattern.compile("<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*>").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no form #" + formId + " on " + url + ":\n" + body);
            }
            Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(m.group());
            if (!action.find()) {
                throw new AssertionError("form #" + formId + " has no action on " + url);
            }
            return url.resolve(action.group(1).replace("&amp;", "&"));
        }
    }

    /** Where a request really goes, and the headers added on the way: an ingress in front of replicas. */
    public interface Ingress {
        HttpRequest.Builder route(URI uri);
    }

    private final Jar cookies = new Jar();
    private final Ingress ingress;

    public Browser() {
        this(uri -> HttpRequest.newBuilder(uri));
    }

    public Browser(Ingress ingress) {
        this.ingress = ingress;
    }
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    public Page get(String url) {
        URI uri = URI.create(url);
        return follow(uri, request(uri).GET().build());
    }

    /** One request, no redirect followed. */
    public HttpResponse<String> getOnce(String url) {
        return send(request(URI.create(url)).GET().build());
    }

    public Page submit(URI action, Map<String, String> form, String origin) {
        HttpRequest.Builder b = request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return follow(action, b.build());
    }

    public byte[] download(String url) {
        try {
            HttpResponse<byte[]> r = client.send(request(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("download " + url + ": HTTP " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.find(name);
    }

    /** Replaces a cookie's value, as a tampering user could. */
    public void setCookie(String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        cookies.store(c);
    }

    /** Follows redirects from {@code uri} (the address as the user sees it, whatever replica serves it). */
    private Page follow(URI uri, HttpRequest first) {
        List<URI> hops = new ArrayList<>();
        URI at = uri;
        HttpRequest next = first;
        for (int i = 0; i < 20; i++) {
            hops.add(at);
            HttpResponse<String> r = send(next);
            Optional<String> location = r.headers().firstValue("Location");
            if (r.statusCode() / 100 != 3 || location.isEmpty()) {
                return new Page(r.statusCode(), at, r.body(), hops);
            }
            at = at.resolve(location.get());
            next = request(at).GET().build();
        }
        throw new AssertionError("more than 20 redirects: " + hops);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return ingress.route(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/html,*/*");
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Cookies as browsers keep them today (RFC 6265): name=value pairs per host, sent where the path matches.
     * The JDK's CookieManager follows the obsolete RFC 2965 and sends "$Version" cookies that servers misread.
     * Ports are ignored, as browsers do, and every host of these tests is localhost.
     */
    private static final class Jar extends CookieHandler {
        private final Map<String, HttpCookie> byNameAndPath = new LinkedHashMap<>();

        synchronized Optional<HttpCookie> find(String name) {
            return byNameAndPath.values().stream().filter(c -> c.getName().equals(name) && !c.hasExpired()).findFirst();
        }

        synchronized void store(HttpCookie c) {
            String path = c.getPath() == null ? "/" : c.getPath();
            c.setPath(path);
            String key = c.getName() + "|" + path;
            if (c.getMaxAge() == 0 || c.hasExpired()) {
                byNameAndPath.remove(key);
            } else {
                byNameAndPath.put(key, c);
            }
        }

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            String header = byNameAndPath.values().stream().filter(c -> !c.hasExpired() && path.startsWith(c.getPath()))
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(v -> HttpCookie.parse(v).forEach(this::store));
                }
            });
        }
    }
}
