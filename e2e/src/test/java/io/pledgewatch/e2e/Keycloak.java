package io.pledgewatch.e2e;

import static org.awaitility.Awaitility.await;

import io.pledgewatch.platform.testing.FreePorts;
import io.pledgewatch.platform.testing.ServiceProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OIDC provider for the sign-in tests: Keycloak's own distribution (unpacked from Maven Central by this
 * module's build), started in development mode on an in-memory database with the test realm imported.
 * It runs on the JDK that runs the tests (Java 25; Keycloak needs 21 or newer), or on KEYCLOAK_JAVA_HOME.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "pledgewatch";
    public static final String CLIENT_ID = "pledgewatch-report";
    /** TEST ONLY, as in the test realm. */
    public static final String CLIENT_SECRET = "test-only-client-secret-do-not-use-0123456789";

    private final Process process;
    private final int port;
    private final Path log;

    private Keycloak(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Keycloak from the distribution this module's build unpacked. */
    public static Keycloak start(Path dir) throws IOException {
        Path home = home();
        Path java = javaHome();
        Path imports = Files.createDirectories(home.resolve("data/import"));
        // Keycloak insists on <realm>-realm.json; the file is the TEST-ONLY realm (test users, test client secret).
        try (InputStream realm = Keycloak.class.getResourceAsStream("/keycloak/pledgewatch-realm.json")) {
            Files.copy(realm, imports.resolve("pledgewatch-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        int port = FreePorts.next();
        Path log = dir.resolve("keycloak.log");
        // bash explicitly: an unpacked archive need not keep the script executable.
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--db=dev-mem", "--http-port=" + port, "--hostname-strict=false", "--cache=local",
                "--http-management-port=" + FreePorts.next())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("JAVA_HOME", java.toString());
        pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // Its thread pool resets thread locals through reflection, which Java 24+ allows only when opened.
        pb.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        Keycloak kc = new Keycloak(pb.start(), port, log);
        // Not left running when the test JVM is stopped before its @AfterAll.
        Runtime.getRuntime().addShutdownHook(new Thread(kc::close));
        kc.awaitReady();
        return kc;
    }

    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    public String jwks() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** How report-service is configured to sign staff in through this provider, as deploy/ configures it. */
    public List<String> reportProperties() {
        String sessionSecret = "test-only-session-secret-shared-by-replicas";
        return List.of("pledgewatch.web.oidc.enabled=true", "quarkus.oidc.web.auth-server-url=" + issuer(),
                "quarkus.oidc.web.client-id=" + CLIENT_ID, "quarkus.oidc.web.credentials.secret=" + CLIENT_SECRET,
                "quarkus.oidc.web.authentication.state-secret=" + sessionSecret,
                "quarkus.oidc.web.token-state-manager.encryption-secret=" + sessionSecret,
                "mp.jwt.verify.issuer=" + issuer(), "mp.jwt.verify.publickey.location=" + jwks());
    }

    private void awaitReady() {
        try {
            await().alias("Keycloak ready, see " + log).atMost(Duration.ofSeconds(240))
                    .failFast("Keycloak exited while starting; see " + log, () -> !process.isAlive())
                    .until(() -> Http.get(issuer() + "/.well-known/openid-configuration", null).status() == 200);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private static Path home() throws IOException {
        String configured = System.getenv("PW_KEYCLOAK_HOME");
        Path dir = configured != null ? Path.of(configured) : ServiceProcess.projectRoot().resolve("e2e/target/keycloak");
        if (Files.isRegularFile(dir.resolve("bin/kc.sh"))) {
            return dir;
        }
        try (Stream<Path> s = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            return s.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Keycloak is not unpacked under " + dir
                            + ": run ./mvnw verify (the e2e module unpacks it before its integration tests)"));
        }
    }

    /** KEYCLOAK_JAVA_HOME, else the JDK running the tests. */
    static Path javaHome() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        return Path.of(configured != null && !configured.isBlank() ? configured : System.getProperty("java.home"));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
