package io.pledgewatch.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The three services wired as in production (ingest nudges compliance; compliance follows ingest's feed;
 * report reads compliance), each on its own database: H2 files (the embedded default) or PostgreSQL (the
 * production build, databases on an embedded server started here).
 */
public final class Suite implements AutoCloseable {

    public enum Db { H2, POSTGRES }

    static final Path ROOT = Path.of(System.getenv().getOrDefault("PW_PROJECT_ROOT", "..")).toAbsolutePath().normalize();
    private static EmbeddedPostgres postgres;

    public final Service ingest;
    public final Service compliance;
    public final Service report;
    public final Db db;
    private final Path dir;
    private final List<String> reportProperties;
    private final java.util.concurrent.atomic.AtomicInteger replicas = new java.util.concurrent.atomic.AtomicInteger(1);


    private Suite(Db db, String reportCron, Path dir, List<String> reportOverrides) throws IOException {
        this.db = db;
        this.dir = dir;
        Path key = dir.resolve("test-only-jwt-public.pem");
        try (var in = Suite.class.getResourceAsStream("/test-keys/test-only-jwt-public.pem")) {
            Files.copy(in, key);
        }
        int ingestPort = freePort();
        int compliancePort = freePort();
        int reportPort = freePort();
        List<String> common = List.of("pledgewatch.data-dir=" + dir, "mp.jwt.verify.publickey.location=" + key,
                "mp.jwt.verify.issuer=" + Tokens.ISSUER, "pledgewatch.service-token=" + Tokens.service(),
                "quarkus.log.console.json.enabled=false");
        ingest = new Service("ingest", jar("ingest-service"), dir, ingestPort, with(common, database("ingest"),
                "pledgewatch.feed.notify-urls=http://localhost:" + compliancePort + "/api/v1/feed/signal"));
        compliance = new Service("compliance", jar("compliance-service"), dir, compliancePort, with(common,
                database("compliance"), "pledgewatch.ingest.url=http://localhost:" + ingestPort,
                "pledgewatch.follower.poll-interval=1s"));
        reportProperties = with(common, database("report"),
                "pledgewatch.compliance.url=http://localhost:" + compliancePort,
                "pledgewatch.briefing.cron=" + reportCron, "pledgewatch.briefing.catch-up=false",
                "pledgewatch.briefing.retry-backoff=PT1S", "pledgewatch.briefing.retry-poll=1s");
        override(reportProperties, reportOverrides);
        report = new Service("report", jar("report-service"), dir, reportPort, reportProperties);
    }

    /** Starts the three services; the report schedule fires on {@code reportCron} (Quartz syntax, UTC). */
    public static Suite start(Db db, String reportCron) throws IOException {
        return start(db, reportCron, newDirectory(db), List.of());
    }

    /** As {@link #start(Db, String)}, with report-service properties replaced or added ("key=value"). */
    public static Suite start(Db db, String reportCron, Path dir, List<String> reportOverrides) throws IOException {
        Suite s = new Suite(db, reportCron, dir, reportOverrides);
        s.ingest.start();
        s.compliance.start();
        s.report.start();
        return s;
    }

    /**
     * Another report-service replica on the same database as {@link #report} (PostgreSQL only), on its own port,
     * with the same schedule: replicas must share the schedule, not repeat it.
     */
    public Service secondReport(String reportCron) {
        if (db != Db.POSTGRES) {
            throw new IllegalStateException("replicas share a PostgreSQL database");
        }
        List<String> props = new ArrayList<>(reportProperties);
        override(props, List.of("pledgewatch.briefing.cron=" + reportCron));
        return new Service("report-" + replicas.incrementAndGet(), jar("report-service"), dir, freePort(), props);
    }

    public static Path newDirectory(Db db) throws IOException {
        return Files.createTempDirectory("pledgewatch-e2e-" + db.name().toLowerCase() + "-");
    }

    /**
     * A report-service replica for what replicas share besides the database (the sign-in secrets), on H2 with a
     * database of its own, since H2 files are not shared between processes.
     */
    public Service reportReplicaOnItsOwnDatabase(String name, String... overrides) throws IOException {
        if (db != Db.H2) {
            throw new IllegalStateException("on PostgreSQL, use secondReport: replicas share the database");
        }
        List<String> props = new ArrayList<>(reportProperties);
        override(props, List.of("pledgewatch.data-dir=" + Files.createDirectories(dir.resolve(name))));
        override(props, List.of(overrides));
        return new Service(name, jar("report-service"), dir, freePort(), props);
    }

    private Path jar(String module) {
        return ROOT.resolve(module).resolve(db == Db.H2 ? "target/quarkus-app/quarkus-run.jar" : "target/postgresql/quarkus-run.jar");
    }

    private List<String> database(String service) {
        if (db == Db.H2) {
            return List.of();
        }
        String name = service + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String external = System.getenv("PW_E2E_PG_URL");
        if (external != null && !external.isBlank()) {
            // A PostgreSQL server of the machine's (the benchmark compares against pgbench on the same server).
            String user = System.getenv().getOrDefault("PW_E2E_PG_USER", "postgres");
            String password = System.getenv().getOrDefault("PW_E2E_PG_PASSWORD", "postgres");
            try (Connection c = java.sql.DriverManager.getConnection(external + "/postgres", user, password);
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot create a database on " + external, e);
            }
            return List.of("quarkus.datasource.jdbc.url=" + external + "/" + name, "quarkus.datasource.username=" + user,
                    "quarkus.datasource.password=" + password);
        }
        try {
            synchronized (Suite.class) {
                if (postgres == null) {
                    postgres = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            postgres.close();
                        } catch (IOException ignored) {
                            // exiting
                        }
                    }));
                }
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException("PostgreSQL for the end-to-end suite", e);
        }
        return List.of("quarkus.datasource.jdbc.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name,
                "quarkus.datasource.username=postgres", "quarkus.datasource.password=postgres");
    }

    /** Replaces or adds each "key=value" in {@code properties}. */
    private static void override(List<String> properties, List<String> overrides) {
        for (String override : overrides) {
            String key = override.substring(0, override.indexOf('=') + 1);
            properties.removeIf(p -> p.startsWith(key));
            properties.add(override);
        }
    }

    private static List<String> with(List<String> common, List<String> db, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(db);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * A port free now and never handed out before by this JVM: the kernel may offer a just-closed port again, and
     * two services given the same port would have one answer the other's health check (seen in CI).
     */
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

    /** Stops every service gracefully; fails if one is left running. */
    @Override
    public void close() {
        report.stop();
        compliance.stop();
        ingest.stop();
        for (Service s : List.of(report, compliance, ingest)) {
            if (s.isRunning()) {
                throw new IllegalStateException(s.name() + " is still running after stop");
            }
        }
    }
}
