package io.pledgewatch.report.briefing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pledgewatch.report.pdf.BriefingPdf;
import io.pledgewatch.report.pdf.Typography;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The lifecycle of briefings. A briefing row is created first (the unique period key makes scheduled ones
 * exactly-once across replicas); a run then takes a lease on it, gathers the data, renders the PDF and stores
 * bytes and metadata in one transaction. A failed run records its reason and is retried with back-off.
 */
@ApplicationScoped
public class BriefingService {

    private static final Logger LOG = Logger.getLogger(BriefingService.class);
    public static final String ALLIANCE = "ALLIANCE";
    public static final String NATION = "NATION";

    @Inject
    BriefingAssembler assembler;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "pledgewatch.briefing.retention", defaultValue = "100")
    int retention;

    @ConfigProperty(name = "pledgewatch.briefing.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "pledgewatch.briefing.retry-backoff", defaultValue = "PT30S")
    Duration backoff;

    @ConfigProperty(name = "pledgewatch.briefing.lease", defaultValue = "PT5M")
    Duration lease;

    private final BriefingPdf renderer = new BriefingPdf(new Typography());
    private final ExecutorService runs = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "briefing-run");
        t.setDaemon(true);
        return t;
    });
    private final Timer renderTimer;

    @Inject
    public BriefingService(MeterRegistry registry) {
        this.renderTimer = Timer.builder("pledgewatch.briefing.render").description("time to render a briefing PDF")
                .register(registry);
    }

    /** Staff commissioned a briefing now. */
    public Briefing commission(String country, Integer year, String requestedBy) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Briefing b = QuarkusTransaction.requiringNew().call(() -> create(country == null ? ALLIANCE : NATION, country,
                now.toString(), "ON_DEMAND:" + UUID.randomUUID(), "ON_DEMAND", year, requestedBy, now));
        LOG.infof("briefing %d commissioned by %s (%s)", b.id, requestedBy, country == null ? "Alliance" : country);
        runSoon(b.id);
        return b;
    }

    /**
     * Claims the scheduled Alliance briefing of one period. Every replica's scheduler calls this for the same
     * fire time; the unique period key lets exactly one insert succeed.
     *
     * @return the briefing if this call claimed the period, empty if it was already claimed
     */
    public Optional<Briefing> claimScheduled(Instant fireTime) {
        Instant period = fireTime.truncatedTo(ChronoUnit.SECONDS);
        String key = periodKey(period);
        try {
            Briefing b = QuarkusTransaction.requiringNew().call(() -> {
                if (Briefing.count("periodKey", key) > 0) {
                    return null;
                }
                return create(ALLIANCE, null, period.toString(), key, "SCHEDULED", null, "scheduler", Instant.now());
            });
            if (b != null) {
                LOG.infof("scheduled briefing %d claimed for period %s", b.id, period);
            }
            return Optional.ofNullable(b);
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                LOG.debugf("period %s already claimed by another replica", period);
                return Optional.empty();
            }
            throw e;
        }
    }

    public static String periodKey(Instant period) {
        return "SCHEDULED:" + ALLIANCE + ":" + period.truncatedTo(ChronoUnit.SECONDS);
    }

    public boolean periodClaimed(Instant period) {
        return QuarkusTransaction.requiringNew().call(() -> Briefing.count("periodKey", periodKey(period)) > 0);
    }

    private Briefing create(String kind, String country, String period, String key, String trigger, Integer year,
                            String requestedBy, Instant now) {
        Briefing b = new Briefing();
        b.kind = kind;
        b.country = country;
        b.period = period;
        b.periodKey = key;
        b.trigger = trigger;
        b.focusYear = year;
        b.status = Briefing.Status.PENDING.name();
        b.attempts = 0;
        b.nextAttemptAt = now;
        b.requestedBy = requestedBy;
        b.createdAt = now;
        b.persistAndFlush();
        return b;
    }

    public void runSoon(long id) {
        runs.execute(() -> run(id));
    }

    /** Runs every briefing that is due (new, failed and past its back-off, or abandoned by a dead replica). */
    public int runDue() {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>find(
                "(status in ('PENDING', 'FAILED') and nextAttemptAt <= ?1 and attempts < ?2)"
                        + " or (status = 'RUNNING' and leaseUntil < ?1) order by id", Instant.now(), maxAttempts)
                .page(0, 10).stream().map(b -> b.id).toList());
        due.forEach(this::run);
        return due.size();
    }

    /** One attempt at a briefing, if this replica wins its lease. Returns true when the briefing is READY. */
    public boolean run(long id) {
        Instant now = Instant.now();
        int leased = QuarkusTransaction.requiringNew().call(() -> Briefing.update(
                "status = 'RUNNING', leaseUntil = ?1, attempts = attempts + 1 where id = ?2 and "
                        + "((status in ('PENDING', 'FAILED') and attempts < ?3) or (status = 'RUNNING' and leaseUntil < ?4))",
                now.plus(lease), id, maxAttempts, now));
        if (leased == 0) {
            return false;
        }
        Briefing b = QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>findById(id));
        try {
            Snapshot previous = previousSnapshot(b);
            BriefingData data = assembler.gather(b.kind, b.country, b.period, Instant.now(), b.focusYear, previous);
            long started = System.nanoTime();
            BriefingPdf.Rendered rendered = renderer.render(data);
            renderTimer.record(Duration.ofNanos(System.nanoTime() - started));
            String snapshotJson = json.writeValueAsString(data.snapshot());
            QuarkusTransaction.requiringNew().run(() -> complete(id, data, rendered, snapshotJson));
            LOG.infof("briefing %d ready: %s, focus year %d, %d pages, %d bytes", id, b.kind, data.focusYear(),
                    rendered.pages(), rendered.pdf().length);
            return true;
        } catch (RuntimeException | JsonProcessingException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> fail(id, reason));
            LOG.warnf("briefing %d failed (attempt %d): %s", id, b.attempts, reason);
            return false;
        }
    }

    private void complete(long id, BriefingData data, BriefingPdf.Rendered rendered, String snapshotJson) {
        Briefing b = Briefing.findById(id);
        BriefingContent content = new BriefingContent();
        content.briefingId = id;
        content.content = rendered.pdf();
        content.persist();
        b.status = Briefing.Status.READY.name();
        b.focusYear = data.focusYear();
        b.completedAt = Instant.now();
        b.sizeBytes = (long) rendered.pdf().length;
        b.pageCount = rendered.pages();
        b.sha256 = sha256(rendered.pdf());
        b.dataCutoff = data.dataCutoff();
        b.snapshot = snapshotJson.length() <= 32000 ? snapshotJson : null;
        b.failureReason = null;
        b.leaseUntil = null;
        b.nextAttemptAt = null;
        applyRetention();
    }

    private void fail(long id, String reason) {
        Briefing b = Briefing.findById(id);
        b.status = Briefing.Status.FAILED.name();
        b.failureReason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        b.leaseUntil = null;
        // 30 s, 1 min, 2 min, ... capped at an hour
        long factor = 1L << Math.min(b.attempts - 1, 7);
        Duration wait = backoff.multipliedBy(factor);
        b.nextAttemptAt = Instant.now().plus(wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait);
    }

    /** Briefings newest first, at most {@code limit}: the API's list and the staff page. */
    public List<BriefingView> newestFirst(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>find("order by createdAt desc, id desc")
                .page(0, limit).stream().map(BriefingView::of).toList());
    }

    public Optional<Briefing> latestReadyAlliance() {
        return QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>find(
                "status = 'READY' and kind = 'ALLIANCE' order by createdAt desc, id desc").firstResultOptional());
    }

    /** Keeps the newest {@code retention} READY briefings; older ones and their PDFs are deleted. */
    void applyRetention() {
        List<Briefing> ready = Briefing.<Briefing>find("status = 'READY' order by createdAt desc, id desc")
                .range(retention, retention + 1000).list();
        for (Briefing old : ready) {
            BriefingContent.deleteById(old.id);
            old.delete();
            LOG.infof("briefing %d removed by retention (keeping %d)", old.id, retention);
        }
    }

    private Snapshot previousSnapshot(Briefing current) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Briefing> prev = Briefing.<Briefing>find("status = 'READY' and kind = ?1 and "
                    + (current.country == null ? "country is null" : "country = ?2") + " order by createdAt desc, id desc",
                    current.country == null ? new Object[] {current.kind} : new Object[] {current.kind, current.country})
                    .firstResultOptional();
            return prev.filter(p -> p.snapshot != null).map(p -> {
                try {
                    return json.readValue(p.snapshot, Snapshot.class);
                } catch (JsonProcessingException e) {
                    return null;
                }
            }).orElse(null);
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
