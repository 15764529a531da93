package io.pledgewatch.compliance.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real ingest-service, started from its built jar as a separate process on a free port (H2 in a temporary
 * directory), trusting the test key. Also fixes this service's test port so ingest can nudge it.
 * {@link #stopIngest()} and {@link #startIngest()} let a test take ingest away and bring it back.
 */
public class IngestProcess implements QuarkusTestResourceLifecycleManager {

    private static Process process;
    private static int ingestPort;
    private static int compliancePort;
    private static Path dataDir;

    public static String ingestUrl() {
        return "http://localhost:" + ingestPort;
    }

    @Override
    public Map<String, String> start() {
        try {
            ingestPort = freePort();
            compliancePort = freePort();
            dataDir = Files.createTempDirectory("pledgewatch-ingest-");
            startIngest();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "pledgewatch.ingest.url", ingestUrl(),
                "quarkus.http.test-port", String.valueOf(compliancePort),
                "pledgewatch.service-token", TestTokens.service());
    }

    public static synchronized void startIngest() {
        Path jar = Path.of("..", "ingest-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("ingest-service is not built (" + jar + "): run ./mvnw verify from the project root");
        }
        try {
            Path publicKey = Files.createTempFile(dataDir, "test-only-jwt-public", ".pem");
            try (var in = IngestProcess.class.getResourceAsStream("/test-keys/test-only-jwt-public.pem")) {
                Files.copy(in, publicKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Path serviceToken = dataDir.resolve("service.token");
            Files.writeString(serviceToken, TestTokens.service());
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-Dquarkus.http.port=" + ingestPort,
                    "-Dpledgewatch.data-dir=" + dataDir,
                    "-Dmp.jwt.verify.publickey.location=" + publicKey,
                    "-Dmp.jwt.verify.issuer=" + TestTokens.ISSUER,
                    "-Dpledgewatch.service-token.file=" + serviceToken,
                    "-Dpledgewatch.feed.notify-urls=http://localhost:" + compliancePort + "/api/v1/feed/signal",
                    "-Dquarkus.log.console.json.enabled=false",
                    "-jar", jar.toString()));
            File log = dataDir.resolve("ingest.log").toFile();
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("ingest-service exited while starting; see " + log);
                }
                if (ready()) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("ingest-service did not become ready; see " + log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static synchronized void startIngestIfStopped() {
        if (process == null || !process.isAlive()) {
            startIngest();
        }
    }

    public static synchronized void stopIngest() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(ingestUrl() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free now and never handed out before by this JVM (the kernel may offer a just-closed port again). */
    private static synchronized int freePort() throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
    }

    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    @Override
    public void stop() {
        stopIngest();
    }
}
