package io.pledgewatch.platform.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP client for calls between Pledgewatch's services (ingest's nudges, {@link ServiceApi}), made once and kept
 * for the service's life, with the one thread its completions run on.
 * <ul>
 * <li>Its own completion thread: without an executor, completions go to the common pool, which on a 2-core machine
 * starts a new thread per task (~190 threads/s measured under load).</li>
 * <li>HTTP/1.1: the client's default upgrades to HTTP/2 (h2c), whose frames and header compression cost the follower
 * a fifth of its CPU under load (JFR) for a body-less POST on a kept-alive connection.</li>
 * </ul>
 */
public record ServiceHttpClient(HttpClient http, ExecutorService completions) implements AutoCloseable {

    /** @param threadName the completion thread's name, as thread dumps show it */
    public static ServiceHttpClient open(String threadName, Duration connectTimeout) {
        ExecutorService completions = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .executor(completions).build();
        return new ServiceHttpClient(http, completions);
    }

    /** Abandons calls in flight: a stopping service does not wait out another one's timeouts. */
    @Override
    public void close() {
        http.shutdownNow();
        completions.shutdownNow();
    }
}
