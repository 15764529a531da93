package io.pledgewatch.report.web;

import io.pledgewatch.platform.security.Caller;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.report.ReportConfig;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * DEVELOPMENT ONLY: the simple sign-in of the embedded default. ./pledgewatch up generates two passwords (staff, and
 * one for every nation's delegation) and the development signing key under data/keys and enables this; a correct
 * password gets an 8-hour session cookie holding a token signed like the launcher's: role {@code staff}, or role
 * {@code delegation} with the chosen nation in its {@code country} claim, exactly as `./pledgewatch token` makes them.
 * Disabled unless configured, so production has no such door: there everyone arrives with a token from the
 * organisation's OIDC provider.
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

    /** Whether delegations have a development sign-in here. */
    public boolean delegationsEnabled() {
        return enabled() && config.web().devLogin().delegationPasswordFile().isPresent();
    }

    public Optional<String> tokenFor(String password) {
        if (!enabled() || !matches(config.web().devLogin().passwordFile().get(), password)) {
            return Optional.empty();
        }
        return Optional.of(sign(Jwt.issuer(issuer).upn("staff (development login)").subject("dev-login")
                .groups(Set.of(Caller.STAFF))));
    }

    /** A delegation's session for {@code country} (an Ally's ISO alpha-3 code), given the delegations' password. */
    public Optional<String> delegationTokenFor(String country, String password) {
        if (!delegationsEnabled() || country == null || Allies.get().find(country).isEmpty()
                || !matches(config.web().devLogin().delegationPasswordFile().get(), password)) {
            return Optional.empty();
        }
        String subject = "delegation-" + country.toLowerCase(Locale.ROOT);
        return Optional.of(sign(Jwt.issuer(issuer).upn(subject).subject(subject).groups(Set.of(Caller.DELEGATION))
                .claim("country", country)));
    }

    private static boolean matches(String passwordFile, String password) {
        if (password == null) {
            return false;
        }
        try {
            String expected = Files.readString(Path.of(passwordFile)).strip();
            return !expected.isEmpty()
                    && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("development login is misconfigured: " + e.getMessage(), e);
        }
    }

    private String sign(JwtClaimsBuilder claims) {
        try {
            PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(Path.of(config.web().devLogin().signingKey().get())));
            return claims.expiresIn(SESSION).sign(key);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("development login is misconfigured: " + e.getMessage(), e);
        }
    }
}
