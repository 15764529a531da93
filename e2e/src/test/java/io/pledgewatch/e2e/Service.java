package io.pledgewatch.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One service of the suite as a real operating-system process, started from its built jar. */
public final class Service {

    private final String name;
    private final Path jar;
    private final Path dir;
    private final int port;
    private final List<String> properties;
    private Process process;

    Service(String name, Path jar, Path dir, int port, List<String> properties) {
        this.name = name;
        this.jar = jar;
        this.dir = dir;
        this.port = port;
        this.properties = properties;
        if (!Files.exists(jar)) {
            throw new IllegalStateException(name + " is not built (" + jar + "): run ./mvnw verify from the project root");
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return dir.resolve(name + ".log");
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
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
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited while starting; see " + log());
                }
                // Ready means this process listens on the port (its own log says so) and answers ready there;
                // a health check alone could be answered by another process holding the port.
                if (listening() && Http.get(url() + "/q/health/ready", null).status() == 200) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException(name + " not ready in time; see " + log());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
