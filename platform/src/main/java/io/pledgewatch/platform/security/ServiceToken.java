package io.pledgewatch.platform.security;

import io.pledgewatch.platform.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bearer token this service presents to others (role {@code service}). Either given directly
 * ({@code PLEDGEWATCH_SERVICE_TOKEN}) or read from a file that a secret mount or a token refresher keeps
 * current ({@code PLEDGEWATCH_SERVICE_TOKEN_FILE}); the file is re-read when it changes.
 */
@ApplicationScoped
public class ServiceToken {

    @Inject
    PlatformConfig config;

    private volatile String cached;
    private volatile long cachedModified = -1;

    public String authorization() {
        return "Bearer " + value();
    }

    String value() {
        if (config.serviceToken().isPresent() && !config.serviceToken().get().isBlank()) {
            return config.serviceToken().get().strip();
        }
        if (config.serviceTokenFile().isPresent()) {
            Path path = Path.of(config.serviceTokenFile().get());
            try {
                long modified = Files.getLastModifiedTime(path).toMillis();
                if (cached == null || modified != cachedModified) {
                    cached = Files.readString(path).strip();
                    cachedModified = modified;
                }
                return cached;
            } catch (IOException e) {
                throw new IllegalStateException("service token file unreadable: " + path, e);
            }
        }
        throw new IllegalStateException("no service token configured (pledgewatch.service-token or .file)");
    }
}
