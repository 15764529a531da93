package io.pledgewatch.report.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pledgewatch.platform.testing.FreePorts;
import io.pledgewatch.platform.testing.PostgresResource;
import io.pledgewatch.platform.testing.ServiceProcess;
import io.pledgewatch.report.support.UpstreamServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two report-service replicas (the packaged build, as production runs it) on one database: the schedule produces
 * exactly one briefing per period, a missed period is caught up once, not per replica, and each subscriber gets one
 * message per period (a real SMTP server counts them).
 * Runs after packaging (failsafe), because it needs the built jars. What must not happen (a second catch-up) is read
 * after each replica's log says how its own catch-up ended, and the messages are counted after the replicas stopped.
 */
class ReplicasIT {

    static Map<String, String> db;
    static Path dir;
    static final int smtpPort = FreePorts.next();
    static final List<ServiceProcess> running = new ArrayList<>();

    @BeforeAll
    static void upstream() throws Exception {
        db = new PostgresResource().start();
        Map<String, String> upstream = new UpstreamServices().start();
        db = new LinkedHashMap<>(db);
        db.putAll(upstream);
        dir = Files.createTempDirectory("pledgewatch-replicas-");
    }

    @AfterAll
    static void stopAll() {
        running.forEach(ServiceProcess::stop);
    }

    static ServiceProcess replica(String name, String cron) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        List<String> properties = new ArrayList<>(ServiceProcess.trustingTestTokens(dir.resolve(name)));
        properties.addAll(List.of(
                "quarkus.datasource.jdbc.url=" + db.get("quarkus.datasource.jdbc.url"),
                "quarkus.datasource.username=" + db.get("quarkus.datasource.username"),
                "quarkus.datasource.password=" + db.get("quarkus.datasource.password"),
                "pledgewatch.compliance.url=" + db.get("pledgewatch.compliance.url"),
                "pledgewatch.briefing.cron=" + cron, "quarkus.mailer.host=127.0.0.1", "quarkus.mailer.port=" + smtpPort,
                "quarkus.mailer.start-tls=DISABLED", "pledgewatch.mail.retry-poll=1s", "pledgewatch.mail.retry-backoff=PT1S",
                // How each replica's catch-up ended (claimed, or found claimed) is logged at DEBUG.
                "quarkus.log.category.\"io.pledgewatch.report\".level=DEBUG"));
        ServiceProcess p = new ServiceProcess(name, jar, dir.resolve(name), FreePorts.next(), properties);
        running.add(p);
        return p;
    }

    /** Messages recorded as sent per scheduled period. */
    static Map<String, Integer> sentPerPeriod() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"),
                db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT b.period, COUNT(*) FROM delivery d JOIN briefing b ON b.id = d.briefing_id"
                     + " WHERE d.status = 'SENT' AND d.kind = 'BRIEFING' GROUP BY b.period ORDER BY b.period")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"),
                db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"));
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static Map<String, Integer> scheduledPerPeriod() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"),
                db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT period, COUNT(*) FROM briefing WHERE trigger_type = 'SCHEDULED' "
                     + "GROUP BY period ORDER BY period")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    /**
     * How many catch-ups this replica has finished since its log began: each ends in a claim ("scheduled briefing N
     * claimed for period P"), a lost race ("period P already claimed by another replica") or finding it claimed
     * ("briefing period P already claimed: nothing to catch up"). A failed one is logged as a warning and not counted.
     */
    static int catchUpsEnded(ServiceProcess replica) throws Exception {
        return replica.logCount(" claimed for period ") + replica.logCount(" already claimed");
    }

    static void awaitCatchUpsEnded(ServiceProcess replica, int count) {
        await(replica.name() + "'s catch-up").atMost(Duration.ofMinutes(2))
                .until(() -> catchUpsEnded(replica) >= count);
    }

    static void startTogether(ServiceProcess a, ServiceProcess b) throws Exception {
        Thread ta = new Thread(a::start);
        Thread tb = new Thread(b::start);
        ta.start();
        tb.start();
        ta.join();
        tb.join();
    }

    @Test
    void replicasShareTheScheduleExactlyOnce() throws Exception {
        // Weekly schedule: both replicas start after a missed Monday and try to catch it up; one does.
        ServiceProcess a = replica("replica-a", "0 0 6 ? * MON");
        ServiceProcess b = replica("replica-b", "0 0 6 ? * MON");
        startTogether(a, b);
        awaitCatchUpsEnded(a, 1);
        awaitCatchUpsEnded(b, 1);
        Map<String, Integer> weekly = scheduledPerPeriod();
        assertEquals(1, weekly.size(), "one catch-up for the missed period: " + weekly);
        assertEquals(1, weekly.values().iterator().next());
        a.stop();
        int before = catchUpsEnded(a);
        a.start();
        awaitCatchUpsEnded(a, before + 1);
        assertEquals(weekly, scheduledPerPeriod(), "a restart does not catch the same period up again");
        a.stop();
        b.stop();

        // Every second, two replicas, ten periods or more: exactly one briefing each, and each subscriber gets
        // exactly one message per period whichever replica completed it.
        sql("INSERT INTO subscription (email, created_at, created_by) VALUES ('one@nato.example', now(), 'test'),"
                + " ('two@nato.example', now(), 'test')");
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            ServiceProcess c = replica("replica-c", "* * * * * ?");
            ServiceProcess d = replica("replica-d", "* * * * * ?");
            startTogether(c, d);
            await("ten periods, eight of them mailed to both subscribers").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> scheduledPerPeriod().size() - weekly.size() >= 10
                            && sentPerPeriod().values().stream().filter(n -> n == 2).count() >= 8);
            // Stopped gracefully, a replica finishes and records a send under way: the counts below are final.
            c.stop();
            d.stop();
            Map<String, Integer> perSecond = scheduledPerPeriod();
            perSecond.keySet().removeAll(weekly.keySet());
            perSecond.forEach((period, n) -> assertEquals(1, n, "period " + period + " produced " + n));

            Map<String, Integer> sent = sentPerPeriod();
            for (Map.Entry<String, Integer> e : sent.entrySet()) {
                long received = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                    try {
                        return m.getSubject().contains(e.getKey());
                    } catch (jakarta.mail.MessagingException x) {
                        throw new IllegalStateException(x);
                    }
                }).count();
                assertEquals((long) e.getValue(), received, "period " + e.getKey() + ": messages received = sent, never twice");
            }
        } finally {
            smtp.stop();
        }

    }
}
