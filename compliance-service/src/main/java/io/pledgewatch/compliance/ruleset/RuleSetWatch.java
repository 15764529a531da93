package io.pledgewatch.compliance.ruleset;

import io.pledgewatch.compliance.ComplianceConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Keeps the rule sets in force current and has history re-scored whenever they change: at start-up it records the
 * shipped definitions not yet on record, and on a replica that follows the feed it re-reads, every poll interval, what
 * is in force (another replica may have put a new version in force). A staff change made here is re-scored by
 * {@link RuleSetResource}, in the transaction that records it.
 */
@ApplicationScoped
public class RuleSetWatch {

    private static final Logger LOG = Logger.getLogger(RuleSetWatch.class);

    @Inject
    RuleSetRegistry ruleSets;

    @Inject
    HistoryRescoring history;

    /** Only a replica that follows the feed writes assessments, and so re-scores them. */
    private final boolean following;
    /** Whether the shipped rule sets are on record and in force: no feed page is applied before. */
    private volatile boolean shippedRecorded;

    @Inject
    public RuleSetWatch(ComplianceConfig config) {
        this.following = config.follower().enabled();
    }

    /** Ahead of the follower's start-up observer, whose first catch-up needs the rule sets in force. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        try {
            ensureShippedRecorded();
        } catch (RuntimeException e) {
            // The database may come later (or never, when an image trains its AOT cache): the first catch-up retries.
            LOG.warnf("shipped rule sets not recorded at start-up (%s); retried before the first feed page",
                    e.getMessage());
        }
    }

    @Scheduled(every = "${pledgewatch.follower.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        // Before the shipped versions are on record a re-read could only see fewer of them; start-up or the first
        // catch-up records them.
        if (following && shippedRecorded && ruleSets.refresh()) {
            history.rescoreAll();
        }
    }

    /**
     * Records the shipped rule sets not yet on record, unless that is done, and re-scores history if it changed what
     * is in force. The follower calls it before every catch-up, so that no page is scored without them; it throws while
     * the database cannot be reached.
     */
    public void ensureShippedRecorded() {
        if (shippedRecorded) {
            return;
        }
        synchronized (this) {
            if (!shippedRecorded) {
                if (ruleSets.syncShipped()) {
                    history.rescoreAll();
                }
                shippedRecorded = true;
            }
        }
    }
}
