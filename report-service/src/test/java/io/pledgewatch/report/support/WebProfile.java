package io.pledgewatch.report.support;

import io.pledgewatch.platform.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The staff page with the development login switched on, as ./pledgewatch up runs it: a password file and the
 * (test-only) signing key on disk. No compliance-service: nothing here renders a briefing.
 */
public class WebProfile implements QuarkusTestProfile {

    public static final String PASSWORD = "test-only-dev-password";
    public static final String DELEGATION_PASSWORD = "test-only-delegation-password";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return devLogin();
    }

    /** The development sign-ins switched on: the staff and the delegations' password files and the signing key. */
    public static Map<String, String> devLogin() {
        try {
            Path dir = Files.createTempDirectory("pledgewatch-web-test-");
            Path password = Files.writeString(dir.resolve("dev-login.password"), PASSWORD + "\n");
            Path delegations = Files.writeString(dir.resolve("dev-delegation.password"), DELEGATION_PASSWORD + "\n");
            Path key = dir.resolve("signing-key.pem");
            try (InputStream in = WebProfile.class.getResourceAsStream("/test-keys/test-only-jwt-private.pem")) {
                Files.copy(in, key);
            }
            return Map.of("pledgewatch.briefing.schedule-enabled", "false",
                    "pledgewatch.web.dev-login.enabled", "true",
                    "pledgewatch.web.dev-login.password-file", password.toString(),
                    "pledgewatch.web.dev-login.delegation-password-file", delegations.toString(),
                    "pledgewatch.web.dev-login.signing-key", key.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
