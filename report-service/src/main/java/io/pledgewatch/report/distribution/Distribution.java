package io.pledgewatch.report.distribution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pledgewatch.platform.Digests;
import io.pledgewatch.report.ReportConfig;
import io.pledgewatch.report.briefing.Briefing;
import io.pledgewatch.report.briefing.BriefingQueries;
import io.pledgewatch.report.briefing.BriefingService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Briefings that reach people. When a scheduled Alliance briefing becomes READY, one delivery per subscriber is
 * recorded in the same transaction (so exactly once per briefing, whichever replica completed it, however often
 * the run was retried); when a scheduled run fails its last attempt, one alert to the operators' address is recorded
 * the same way, a metric counts it and a log line says so. Messages are sent after commit, one at a time under a
 * lease, and marked sent in a transaction of their own; a failed send is retried with back-off.
 */
@ApplicationScoped
public class Distribution {

    private static final Logger LOG = Logger.getLogger(Distribution.class);

    private final ReportConfig.Mail config;
    private final MailSink sink;
    private final BriefingQueries queries;
    private final DistributionStore store;
    private final Counter failures;
    // One sender at a time per replica is plenty for a weekly briefing; replicas share the work through leases.
    private final ManagedExecutor sender = ManagedExecutor.builder().maxAsync(1).maxQueued(4)
            .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
    private volatile boolean stopping;

    @Inject
    public Distribution(ReportConfig config, MailSink sink, BriefingQueries queries, DistributionStore store,
                        MeterRegistry registry) {
        this.config = config.mail();
        this.sink = sink;
        this.queries = queries;
        this.store = store;
        this.failures = Counter.builder("pledgewatch.briefing.failures")
                .description("scheduled briefings that failed their last attempt").register(registry);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        sender.shutdown();
        // Let a send under way (from the sender or the poll: either holds this bean's lock in deliverDue) finish
        // and be recorded before the database goes away; sends are bounded by the send timeout. Interrupting it
        // could leave a message the server has accepted recorded as failed, to be sent again by another replica
        // (ReplicasIT saw one). With `stopping` set, deliverDue claims nothing more.
        synchronized (this) {
            sender.shutdownNow();
        }
    }

    /** In the transaction that makes {@code b} READY: a delivery per subscriber, for scheduled Alliance briefings. */
    public int onReady(Briefing b) {
        if (!isScheduledAlliance(b)) {
            return 0;
        }
        List<Subscription> subscribers = store.subscriptions();
        subscribers.forEach(s -> store.insert(Delivery.pending(b.id, Delivery.Kind.BRIEFING, s.email)));
        return subscribers.size();
    }

    /** In the transaction that records a failed run; {@code last} when no attempt is left. */
    public void onFailed(Briefing b, String reason, boolean last) {
        if (!last || !isScheduledAlliance(b)) {
            return;
        }
        failures.increment();
        // One line an alert rule can match (see deploy/monitoring): the event name first, then key=value pairs.
        LOG.errorf("BRIEFING_FAILED briefing=%d period=%s attempts=%d reason=%s", b.id, b.period, b.attempts, reason);
        config.operators().filter(a -> !a.isBlank())
                .ifPresent(a -> store.insert(Delivery.pending(b.id, Delivery.Kind.ALERT, a.strip())));
    }

    private static boolean isScheduledAlliance(Briefing b) {
        return "SCHEDULED".equals(b.trigger) && BriefingService.ALLIANCE.equals(b.kind);
    }

    /** After commit: send what is due now rather than at the next poll. */
    public void deliverSoon() {
        try {
            sender.execute(this::deliverDue);
        } catch (RuntimeException queueFull) {
            // A send is already queued; it will take this one too, and the poll is the safety net.
        }
    }

    @Scheduled(identity = "mail-deliveries", every = "${pledgewatch.mail.retry-poll}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        deliverDue();
    }

    /** Sends every delivery that is due (new, failed and past its back-off, or abandoned by a dead replica). */
    public synchronized int deliverDue() {
        int sent = 0;
        for (Optional<Delivery> d = claim(); d.isPresent(); d = claim()) {
            if (deliver(d.get())) {
                sent++;
            }
        }
        return sent;
    }

    /** The next message due, under lease; none while stopping (see {@link #onStop}). */
    private Optional<Delivery> claim() {
        if (stopping) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Optional<Delivery> due = store.lockNextDue(now);
            if (due.isEmpty()) {
                return due;
            }
            Delivery d = due.get();
            d.status = Delivery.Status.SENDING.name();
            d.attempts++;
            d.leaseUntil = now.plus(config.lease());
            store.update(d);
            return Optional.of(d);
        });
    }

    private boolean deliver(Delivery d) {
        try {
            Optional<OutgoingMail> mail = message(d);
            if (mail.isEmpty()) {
                finish(d.id, Delivery.Status.GAVE_UP, "briefing " + d.briefingId + " no longer exists (retention)");
                return false;
            }
            sink.send(mail.get());
            finish(d.id, Delivery.Status.SENT, null);
            LOG.infof("%s of briefing %d sent to %s", d.kind.toLowerCase(), d.briefingId, d.email);
            return true;
        } catch (Exception e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            boolean giveUp = d.attempts >= config.maxAttempts();
            finish(d.id, giveUp ? Delivery.Status.GAVE_UP : Delivery.Status.FAILED, why);
            LOG.warnf("%s of briefing %d to %s failed (attempt %d%s): %s", d.kind.toLowerCase(), d.briefingId, d.email,
                    d.attempts, giveUp ? ", giving up" : ", will retry", why);
            return false;
        }
    }

    private void finish(long id, Delivery.Status status, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = store.delivery(id).orElseThrow();
            d.status = status.name();
            d.leaseUntil = null;
            d.lastError = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
            if (status == Delivery.Status.SENT) {
                d.sentAt = Instant.now();
                d.nextAttemptAt = null;
            } else if (status == Delivery.Status.FAILED) {
                Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(d.attempts - 1, 7));
                d.nextAttemptAt = Instant.now().plus(wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait);
            }
            store.update(d);
        });
    }

    Optional<OutgoingMail> message(Delivery d) {
        Optional<Briefing> found = queries.find(d.briefingId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Briefing b = found.get();
        String id = "<briefing-" + b.id + "-" + d.kind.toLowerCase() + "-" + Digests.sha256(d.email).substring(0, 16) + "@pledgewatch>";
        String base = config.linkBase().replaceAll("/+$", "");
        if (Delivery.Kind.ALERT.name().equals(d.kind)) {
            return Optional.of(new OutgoingMail(d.email, "Pledgewatch ALERT: the scheduled briefing of " + b.period
                    + " failed", "The scheduled Alliance briefing " + b.id + " for the period " + b.period + " failed its last"
                    + " attempt (" + b.attempts + " attempts): " + b.failureReason + "\n\nIt will not be retried. Check that "
                    + "compliance-service is reachable and healthy, then commission a new briefing from the staff page: "
                    + base + "/\n\n-- Pledgewatch report-service", id, null, null));
        }
        if (!b.isReady()) {
            return Optional.empty();
        }
        String pdfLink = base + "/api/v1/briefings/" + b.id + "/pdf";
        boolean attach = b.sizeBytes != null && b.sizeBytes <= config.attachMaxBytes();
        String name = b.fileName("pdf");
        String text = "The scheduled Alliance briefing for " + b.period + " is ready: figures for " + b.focusYear + ", "
                + b.pageCount + " pages.\n\n"
                + (attach ? "The PDF is attached (" + name + ").\n"
                : "The PDF (" + (b.sizeBytes / 1024) + " KB) is larger than this server attaches; download it (staff sign-in "
                + "needed): " + pdfLink + "\n")
                + "Its tables as a workbook: " + base + "/api/v1/briefings/" + b.id + "/xlsx\n"
                + "All briefings: " + base + "/\n\n"
                + "You receive this because " + d.email + " is subscribed to Pledgewatch's scheduled Alliance briefing; "
                + "staff can end the subscription (DELETE /api/v1/subscriptions/" + d.email + ").\n\n-- Pledgewatch report-service";
        return Optional.of(new OutgoingMail(d.email, "Pledgewatch Alliance briefing, " + b.period, text, id,
                attach ? name : null, attach ? queries.pdf(b.id) : null));
    }

}
