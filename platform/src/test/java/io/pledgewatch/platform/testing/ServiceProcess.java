package io.pledgewatch.platform.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the suite's services as a real operating-system process, started from its built application
 * ({@code <module>/target/quarkus-app}); a module whose tests start one declares a Maven dependency on that module,
 * so the reactor builds it first.
 */
public final class ServiceProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Path jar;
    private final Path dir;
    private final int port;
    private final List<String> properties;
    private Process process;

    /**
     * @param dir        where its log goes (and the files the properties point at)
     * @param properties "key=value" system properties: its database, its peers, anything the test changes
     */
    public ServiceProcess(String name, Path jar, Path dir, int port, List<String> properties) {
        this.name = name;
        this.jar = jar.toAbsolutePath().normalize();
        this.dir = dir;
        this.port = port;
        this.properties = List.copyOf(properties);
        if (!Files.exists(this.jar)) {
            throw new IllegalStateException(name + " is not built (" + this.jar + "): run ./mvnw verify from the project root");
        }
    }

    /** The project's root directory (PW_PROJECT_ROOT, set by the build; the module's parent when run from an IDE). */
    public static Path projectRoot() {
        String root = System.getenv().getOrDefault("PW_PROJECT_ROOT", "..");
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** The runnable jar a module's build produced. */
    public static Path moduleJar(String module) {
        return projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * What every service process of a test needs: trust the test key (copied into {@code dir}), carry the test
     * service token, log in plain text.
     */
    public static List<String> trustingTestTokens(Path dir) {
        try {
            Files.createDirectories(dir);
            Path key = dir.resolve("test-only-jwt-public.pem");
            try (InputStream in = ServiceProcess.class.getResourceAsStream(TestTokens.PUBLIC_KEY_RESOURCE)) {
                Files.copy(in, key, StandardCopyOption.REPLACE_EXISTING);
            }
            return List.of("pledgewatch.data-dir=" + dir, "mp.jwt.verify.publickey.location=" + key,
                    "mp.jwt.verify.issuer=" + TestTokens.ISSUER, "pledgewatch.service-token=" + TestTokens.service(),
                    "quarkus.log.console.json.enabled=false");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return dir.resolve(name + ".log");
    }

    /** How often {@code text} appears in this service's log, which every start of it appends to. */
    public int logCount(String text) throws IOException {
        return Files.exists(log()) ? Files.readString(log()).split(Pattern.quote(text), -1).length - 1 : 0;
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> cmd = new ArrayList<>();
        // A session of its own, as ./pledgewatch starts a service: where Linux groups CPU time by session
        // (autogroup), each service then gets its share beside the test or benchmark that drives it, as each gets
        // its own pod in deploy/. Sharing the driver's session, compliance's one follower thread competed with
        // ingest's request threads and the load generator thread for thread. setsid execs java in place: the pid is
        // the JVM's.
        if (Files.isExecutable(SETSID)) {
            cmd.add(SETSID.toString());
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Tests favour quick start-up (C1 only); the benchmark passes the JVM options it measures with.
        String jvm = System.getenv().getOrDefault("PW_SERVICE_JVM_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        for (String opt : jvm.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                cmd.add(opt);
            }
        }
        properties.forEach(p -> cmd.add("-D" + p));
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-jar");
        cmd.add(jar.toString());
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
            // Ready means this process listens on the port (its own log says so) and answers ready there;
            // a health check alone could be answered by another process holding the port.
            await().alias(name + " ready, see " + log()).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .failFast(name + " exited while starting; see " + log(), () -> !process.isAlive())
                    .until(() -> listening() && ready());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean listening() throws IOException {
        return Files.exists(log()) && Files.readString(log()).contains("Listening on: http://0.0.0.0:" + port);
    }

    /** SIGTERM and wait: Quarkus shuts down gracefully. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGKILL: no shutdown hooks, no chance to flush anything. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public boolean ready() {
        return health(true) != null;
    }

    /** The body of the readiness check (whether it passes or not), or "" when the service does not answer. */
    public String health() {
        String body = health(false);
        return body == null ? "" : body;
    }

    private String health(boolean onlyWhenReady) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            if (onlyWhenReady && status != 200) {
                return null;
            }
            try (InputStream in = status == 200 ? c.getInputStream() : c.getErrorStream()) {
                return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** "started in 1.234s" from the service's own log, the last start. */
    public double startedInSeconds() throws IOException {
        Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log()));
        double last = -1;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }
}
