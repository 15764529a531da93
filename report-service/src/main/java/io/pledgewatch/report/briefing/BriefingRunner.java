package io.pledgewatch.report.briefing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pledgewatch.platform.Digests;
import io.pledgewatch.report.LeaseQueue;
import io.pledgewatch.report.ReportConfig;
import io.pledgewatch.report.export.BriefingTables;
import io.pledgewatch.report.figures.BriefingAssembler;
import io.pledgewatch.report.figures.BriefingData;
import io.pledgewatch.report.figures.Snapshot;
import io.pledgewatch.report.pdf.BriefingPdf;
import io.pledgewatch.report.pdf.Typography;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Produces briefings: a run takes a lease on one, gathers the data, renders the PDF and stores bytes and metadata
 * in one transaction, so a half-written PDF is never listed. A failed run records its reason and is retried with
 * back-off; a run abandoned by a dead replica is taken over when its lease expires (the {@link LeaseQueue} of
 * {@code pledgewatch.briefing.*}). It tells what became of a run by {@link BriefingReady} and {@link BriefingFailed},
 * fired inside those transactions; whoever acts on them (the mail) depends on this package, never the reverse.
 */
@ApplicationScoped
public class BriefingRunner {

    private static final Logger LOG = Logger.getLogger(BriefingRunner.class);

    private final BriefingAssembler assembler;
    private final Event<BriefingReady> ready;
    private final Event<BriefingFailed> failed;
    private final BriefingQueries queries;
    private final BriefingRepository briefings;
    private final ObjectMapper json;
    private final ReportConfig.Briefing config;
    private final LeaseQueue queue;
    private final BriefingPdf renderer = new BriefingPdf(new Typography());
    private final Timer renderTimer;
    private final Counter failures;
    // Two renders at a time at most: a burst of commissions queues instead of filling the heap with PDFs.
    private final ManagedExecutor runs = ManagedExecutor.builder().maxAsync(2).maxQueued(-1)
            .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();

    @Inject
    public BriefingRunner(BriefingAssembler assembler, BriefingQueries queries, BriefingRepository briefings, ObjectMapper json,
                          ReportConfig config, MeterRegistry registry, Event<BriefingReady> ready,
                          Event<BriefingFailed> failed) {
        this.assembler = assembler;
        this.ready = ready;
        this.failed = failed;
        this.queries = queries;
        this.briefings = briefings;
        this.json = json;
        this.config = config.briefing();
        this.queue = new LeaseQueue(this.config.maxAttempts(), this.config.retryBackoff(), this.config.lease());
        this.renderTimer = Timer.builder("pledgewatch.briefing.render").description("time to render a briefing PDF")
                .register(registry);
        this.failures = Counter.builder("pledgewatch.briefing.failures")
                .description("scheduled briefings that failed their last attempt").register(registry);
    }

    void onStop(@Observes ShutdownEvent event) {
        // Runs still queued are picked up again by any replica's retry poll (their lease expires or never began).
        runs.shutdownNow();
    }

    public void runSoon(long id) {
        runs.execute(() -> run(id));
    }

    /** Runs every briefing that is due (new, failed and past its back-off, or abandoned by a dead replica). */
    public int runDue() {
        List<Long> due = QuarkusTransaction.requiringNew()
                .call(() -> briefings.due(Instant.now(), queue.maxAttempts(), 10));
        due.forEach(this::run);
        return due.size();
    }

    /** One attempt at a briefing, if this replica wins its lease. Returns true when the briefing is READY. */
    public boolean run(long id) {
        Instant now = Instant.now();
        if (!QuarkusTransaction.requiringNew()
                .call(() -> briefings.lease(id, queue.leaseUntil(now), queue.maxAttempts(), now))) {
            return false;
        }
        Briefing b = queries.find(id).orElseThrow();
        try {
            Snapshot previous = queries.previousSnapshot(b);
            BriefingData data = assembler.gather(b.country, b.period, Instant.now(), b.asOf, b.focusYear, previous);
            long started = System.nanoTime();
            BriefingPdf.Rendered rendered = renderer.render(data);
            renderTimer.record(Duration.ofNanos(System.nanoTime() - started));
            String snapshotJson = json.writeValueAsString(data.snapshot());
            String tablesJson = json.writeValueAsString(BriefingTables.of(data, BriefingPdf.title(data)));
            QuarkusTransaction.requiringNew().run(() -> complete(id, data, rendered, snapshotJson, tablesJson));
            LOG.infof("briefing %d ready: %s, focus year %d%s, %d pages, %d bytes", id, b.kind, data.focusYear(),
                    b.asOf == null ? "" : ", figures as of " + b.asOf, rendered.pages(), rendered.pdf().length);
            return true;
        } catch (RuntimeException | JsonProcessingException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> fail(id, reason));
            LOG.warnf("briefing %d failed (attempt %d): %s", id, b.attempts, reason);
            return false;
        }
    }

    /** Stores the PDF and its tables and marks the briefing READY. */
    private void complete(long id, BriefingData data, BriefingPdf.Rendered rendered, String snapshotJson,
                         String tablesJson) {
        Briefing b = briefings.findById(id);
        BriefingContent content = new BriefingContent();
        content.briefingId = id;
        content.content = rendered.pdf();
        content.tables = tablesJson;
        briefings.persist(content);
        b.status = Briefing.Status.READY;
        b.focusYear = data.focusYear();
        b.completedAt = Instant.now();
        b.sizeBytes = (long) rendered.pdf().length;
        b.pageCount = rendered.pages();
        b.sha256 = Digests.sha256(rendered.pdf());
        b.dataCutoff = data.dataCutoff();
        b.snapshot = snapshotJson;
        b.failureReason = null;
        b.leaseUntil = null;
        b.nextAttemptAt = null;
        applyRetention();
        ready.fire(new BriefingReady(b));
    }

    /** Records a failed attempt; the last one of a scheduled briefing is counted and logged for the operators. */
    private void fail(long id, String reason) {
        Briefing b = briefings.findById(id);
        b.status = Briefing.Status.FAILED;
        b.failureReason = LeaseQueue.reason(reason);
        b.leaseUntil = null;
        b.nextAttemptAt = queue.retryAt(b.attempts, Instant.now());
        boolean last = queue.exhausted(b.attempts);
        if (last && b.isScheduledAlliance()) {
            failures.increment();
            // One line an alert rule can match (see deploy/monitoring): the event name first, then key=value pairs.
            LOG.errorf("BRIEFING_FAILED briefing=%d period=%s attempts=%d reason=%s", b.id, b.period, b.attempts,
                    b.failureReason);
        }
        failed.fire(new BriefingFailed(b, last));
    }

    /** Keeps the newest {@code retention} READY briefings; older ones and their PDFs are deleted. */
    private void applyRetention() {
        int retention = config.retention();
        for (long old : briefings.readyBeyond(retention)) {
            briefings.deleteWithContent(old);
            LOG.infof("briefing %d removed by retention (keeping %d)", old, retention);
        }
    }

}
