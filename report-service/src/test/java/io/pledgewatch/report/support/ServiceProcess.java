package io.pledgewatch.report.support;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One of the suite's services run from its built jar as a real process, on a free port, trusting the test key. */
public final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final List<String> properties;
    private final Path dir;
    private final int port;
    private Process process;

    public ServiceProcess(String name, Path jar, Path dir, List<String> properties) {
        this.name = name;
        this.jar = jar.toAbsolutePath().normalize();
        this.dir = dir;
        this.properties = List.copyOf(properties);
        this.port = freePort();
        if (!Files.exists(this.jar)) {
            throw new IllegalStateException(name + " is not built (" + this.jar + "): run ./mvnw verify from the project root");
        }
    }

    public static Path moduleJar(String module) {
        return Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar");
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path publicKey = dir.resolve("test-only-jwt-public.pem");
            try (var in = ServiceProcess.class.getResourceAsStream("/test-keys/test-only-jwt-public.pem")) {
                Files.copy(in, publicKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Dquarkus.http.port=" + port,
                    "-Dpledgewatch.data-dir=" + dir,
                    "-Dmp.jwt.verify.publickey.location=" + publicKey,
                    "-Dmp.jwt.verify.issuer=" + TestTokens.ISSUER,
                    "-Dpledgewatch.service-token=" + TestTokens.service(),
                    "-Dquarkus.log.console.json.enabled=false"));
            properties.forEach(p -> cmd.add("-D" + p));
            cmd.add("-jar");
            cmd.add(jar.toString());
            File log = dir.resolve(name + ".log").toFile();
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited while starting; see " + log);
                }
                if (ready()) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException(name + " did not become ready; see " + log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public String health() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            try (var in = c.getResponseCode() == 200 ? c.getInputStream() : c.getErrorStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        }
    }

    /** A port free now and never handed out before by this JVM (the kernel may offer a just-closed port again). */
    static synchronized int freePort() {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();
}
