package io.pledgewatch.report.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bearer token this service presents to others (role {@code service}). Either given directly
 * ({@code PLEDGEWATCH_SERVICE_TOKEN}) or read from a file that a secret mount or a token refresher keeps
 * current ({@code PLEDGEWATCH_SERVICE_TOKEN_FILE}); the file is re-read when it changes.
 */
@ApplicationScoped
public class ServiceToken {

    @ConfigProperty(name = "pledgewatch.service-token")
    Optional<String> token;

    @ConfigProperty(name = "pledgewatch.service-token.file")
    Optional<String> file;

    private volatile String cached;
    private volatile long cachedModified = -1;

    public String authorization() {
        return "Bearer " + value();
    }

    String value() {
        if (token.isPresent() && !token.get().isBlank()) {
            return token.get().strip();
        }
        if (file.isPresent()) {
            Path path = Path.of(file.get());
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
