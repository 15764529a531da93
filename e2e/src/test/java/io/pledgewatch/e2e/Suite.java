package io.pledgewatch.e2e;

import io.pledgewatch.platform.testing.FreePorts;
import io.pledgewatch.platform.testing.ServiceProcess;
import io.pledgewatch.platform.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The three services wired as in production (ingest nudges compliance; compliance follows ingest's feed; report
 * reads compliance), each on its own PostgreSQL database: on an embedded server started by the tests, or on the
 * server PW_TEST_PG_URL names (the benchmark compares against pgbench on the same server).
 */
public final class Suite implements AutoCloseable {

    public final ServiceProcess ingest;
    public final ServiceProcess compliance;
    public final ServiceProcess report;
    private final Path dir;
    private final List<String> reportProperties;
    private final AtomicInteger replicas = new AtomicInteger(1);

    private Suite(String reportCron, Path dir, List<String> reportOverrides) {
        this.dir = dir;
        int ingestPort = FreePorts.next();
        int compliancePort = FreePorts.next();
        List<String> common = ServiceProcess.trustingTestTokens(dir);
        ingest = new ServiceProcess("ingest", jar("ingest-service"), dir, ingestPort, with(common, database("ingest"),
                "pledgewatch.feed.notify-urls=http://localhost:" + compliancePort + "/api/v1/feed/signal"));
        compliance = new ServiceProcess("compliance", jar("compliance-service"), dir, compliancePort, with(common,
                database("compliance"), "pledgewatch.ingest.url=http://localhost:" + ingestPort,
                "pledgewatch.follower.poll-interval=1s"));
        reportProperties = with(common, database("report"),
                "pledgewatch.compliance.url=http://localhost:" + compliancePort,
                "pledgewatch.ingest.url=http://localhost:" + ingestPort,
                "pledgewatch.briefing.cron=" + reportCron, "pledgewatch.briefing.catch-up=false",
                "pledgewatch.briefing.retry-backoff=PT1S", "pledgewatch.briefing.retry-poll=1s");
        override(reportProperties, reportOverrides);
        report = new ServiceProcess("report", jar("report-service"), dir, FreePorts.next(), reportProperties);
    }

    /** Starts the three services; the report schedule fires on {@code reportCron} (Quartz syntax, UTC). */
    public static Suite start(String reportCron) throws IOException {
        return start(reportCron, newDirectory(), List.of());
    }

    /** As {@link #start(String)}, with report-service properties replaced or added ("key=value"). */
    public static Suite start(String reportCron, Path dir, List<String> reportOverrides) {
        Suite s = new Suite(reportCron, dir, reportOverrides);
        s.ingest.start();
        s.compliance.start();
        s.report.start();
        return s;
    }

    /**
     * Another report-service replica on the same database as {@link #report}, on its own port, configured alike
     * (as deploy/ configures replicas) but for its schedule: replicas must share the schedule, not repeat it.
     */
    public ServiceProcess secondReport(String reportCron) {
        List<String> props = new ArrayList<>(reportProperties);
        override(props, List.of("pledgewatch.briefing.cron=" + reportCron));
        return new ServiceProcess("report-" + replicas.incrementAndGet(), jar("report-service"), dir, FreePorts.next(), props);
    }

    public static Path newDirectory() throws IOException {
        return Files.createTempDirectory("pledgewatch-e2e-");
    }

    private static Path jar(String module) {
        return ServiceProcess.moduleJar(module);
    }

    private static List<String> database(String service) {
        return TestDatabases.create(service).properties();
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

    /** Stops every service gracefully; fails if one is left running. */
    @Override
    public void close() {
        report.stop();
        compliance.stop();
        ingest.stop();
        for (ServiceProcess s : List.of(report, compliance, ingest)) {
            if (s.isRunning()) {
                throw new IllegalStateException(s.name() + " is still running after stop");
            }
        }
    }
}
