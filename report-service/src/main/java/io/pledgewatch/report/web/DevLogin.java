package io.pledgewatch.report.web;

import io.pledgewatch.report.ReportConfig;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * DEVELOPMENT ONLY: the simple login of the embedded default. ./pledgewatch up generates a password and the
 * development signing key under data/keys and enables this; a correct password gets an 8-hour staff session
 * cookie holding a token signed like the launcher's. Disabled unless configured, so production has no such
 * door: there staff arrive with a token from the organisation's OIDC provider.
 */
@ApplicationScoped
public class DevLogin {

    public static final Duration SESSION = Duration.ofHours(8);

    @Inject
    ReportConfig config;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    public boolean enabled() {
        ReportConfig.Web.DevLogin login = config.web().devLogin();
        return login.enabled() && login.passwordFile().isPresent() && login.signingKey().isPresent();
    }

    public Optional<String> tokenFor(String password) {
        if (!enabled() || password == null) {
            return Optional.empty();
        }
        try {
            String expected = Files.readString(Path.of(config.web().devLogin().passwordFile().get())).strip();
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(Path.of(config.web().devLogin().signingKey().get())));
            return Optional.of(Jwt.issuer(issuer).upn("staff (development login)").subject("dev-login")
                    .groups(Set.of("staff")).expiresIn(SESSION).sign(key));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("development login is misconfigured: " + e.getMessage(), e);
        }
    }
}
