package io.pledgewatch.report.mail;

import io.pledgewatch.platform.Digests;
import io.pledgewatch.report.LeaseQueue;
import io.pledgewatch.report.ReportConfig;
import io.pledgewatch.report.briefing.Briefing;
import io.pledgewatch.report.briefing.BriefingFailed;
import io.pledgewatch.report.briefing.BriefingQueries;
import io.pledgewatch.report.briefing.BriefingReady;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Briefings that reach people. When a scheduled Alliance briefing becomes READY ({@link BriefingReady}), one delivery
 * per subscriber is recorded in the same transaction (so exactly once per briefing, whichever replica completed it,
 * however often the run was retried); when a scheduled run fails its last attempt ({@link BriefingFailed}), one alert
 * to the operators' address is recorded the same way. Messages are sent after commit, one at a time under a lease,
 * and marked sent in a transaction of their own; a failed send is retried with back-off (the {@link LeaseQueue} of
 * {@code pledgewatch.mail.*}). The messages' texts are the templates under {@code templates/BriefingMail/}.
 */
@ApplicationScoped
public class BriefingMail {

    private static final Logger LOG = Logger.getLogger(BriefingMail.class);

    private final ReportConfig.Mail config;
    private final MailSink sink;
    private final BriefingQueries queries;
    private final LeaseQueue queue;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    // One sender at a time per replica is plenty for a weekly briefing; replicas share the work through leases.
    private final ManagedExecutor sender = ManagedExecutor.builder().maxAsync(1).maxQueued(4)
            .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
    private volatile boolean stopping;

    @CheckedTemplate
    static class Templates {
        /** To a subscriber: the briefing attached, or linked when larger than the server attaches. */
        static native TemplateInstance briefing(Briefing b, String email, String base, boolean attach,
                                                String attachmentName, long sizeKb);

        /** To the operators: a scheduled run failed its last attempt. */
        static native TemplateInstance alert(Briefing b, String base);
    }

    @Inject
    public BriefingMail(ReportConfig config, MailSink sink, BriefingQueries queries,
                        SubscriptionRepository subscriptions, DeliveryRepository deliveries) {
        this.config = config.mail();
        this.queue = new LeaseQueue(this.config.maxAttempts(), this.config.retryBackoff(), this.config.lease());
        this.sink = sink;
        this.queries = queries;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
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

    /** In the transaction that makes a briefing READY: a delivery per subscriber, for scheduled Alliance briefings. */
    void onReady(@Observes BriefingReady ready) {
        Briefing b = ready.briefing();
        if (b.isScheduledAlliance()) {
            subscriptions.byAddress()
                    .forEach(s -> deliveries.persist(Delivery.pending(b.id, Delivery.Kind.BRIEFING, s.email)));
        }
    }

    /** In the transaction that records a scheduled run's last failed attempt: an alert to the operators. */
    void onFailed(@Observes BriefingFailed failed) {
        Briefing b = failed.briefing();
        if (alerts(failed)) {
            config.operators().filter(a -> !a.isBlank())
                    .ifPresent(a -> deliveries.persist(Delivery.pending(b.id, Delivery.Kind.ALERT, a.strip())));
        }
    }

    /** Once the READY transaction has committed: what it recorded goes now rather than at the next poll. */
    void afterReady(@Observes(during = TransactionPhase.AFTER_SUCCESS) BriefingReady ready) {
        if (ready.briefing().isScheduledAlliance()) {
            deliverSoon();
        }
    }

    /** Once a last failure has committed: its alert goes now rather than at the next poll. */
    void afterFailed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BriefingFailed failed) {
        if (alerts(failed)) {
            deliverSoon();
        }
    }

    private static boolean alerts(BriefingFailed failed) {
        return failed.last() && failed.briefing().isScheduledAlliance();
    }

    /** Sends what is due now, on the sender's thread, rather than at the next poll. */
    void deliverSoon() {
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
            Optional<Delivery> due = deliveries.lockNextDue(now);
            due.ifPresent(d -> {
                d.status = Delivery.Status.SENDING;
                d.attempts++;
                d.leaseUntil = queue.leaseUntil(now);
            });
            return due;
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
            LOG.infof("%s of briefing %d sent to %s", label(d), d.briefingId, d.email);
            return true;
        } catch (Exception e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            boolean giveUp = queue.exhausted(d.attempts);
            finish(d.id, giveUp ? Delivery.Status.GAVE_UP : Delivery.Status.FAILED, why);
            LOG.warnf("%s of briefing %d to %s failed (attempt %d%s): %s", label(d), d.briefingId, d.email,
                    d.attempts, giveUp ? ", giving up" : ", will retry", why);
            return false;
        }
    }

    private void finish(long id, Delivery.Status status, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = deliveries.findById(id);
            d.status = status;
            d.leaseUntil = null;
            d.lastError = LeaseQueue.reason(error);
            if (status == Delivery.Status.SENT) {
                d.sentAt = Instant.now();
                d.nextAttemptAt = null;
            } else if (status == Delivery.Status.FAILED) {
                d.nextAttemptAt = queue.retryAt(d.attempts, Instant.now());
            }
        });
    }

    private static String label(Delivery d) {
        return d.kind.name().toLowerCase();
    }

    Optional<OutgoingMail> message(Delivery d) {
        Optional<Briefing> found = queries.find(d.briefingId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Briefing b = found.get();
        String id = "<briefing-" + b.id + "-" + label(d) + "-" + Digests.sha256(d.email).substring(0, 16) + "@pledgewatch>";
        String base = config.linkBase().replaceAll("/+$", "");
        if (d.kind == Delivery.Kind.ALERT) {
            return Optional.of(new OutgoingMail(d.email, "Pledgewatch ALERT: the scheduled briefing of " + b.period
                    + " failed", Templates.alert(b, base).render(), id, null, null));
        }
        if (!b.isReady()) {
            return Optional.empty();
        }
        boolean attach = b.sizeBytes != null && b.sizeBytes <= config.attachMaxBytes();
        String name = b.fileName("pdf");
        String text = Templates.briefing(b, d.email, base, attach, name, b.sizeBytes == null ? 0 : b.sizeBytes / 1024)
                .render();
        return Optional.of(new OutgoingMail(d.email, "Pledgewatch Alliance briefing, " + b.period, text, id,
                attach ? name : null, attach ? queries.pdf(b.id) : null));
    }

}
