package io.pledgewatch.compliance.follower;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pledgewatch.compliance.ComplianceConfig;
import io.pledgewatch.compliance.assessment.AssessmentService;
import io.pledgewatch.compliance.assessment.FeedCursorRepository;
import io.pledgewatch.compliance.ruleset.RuleSetWatch;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Follows ingest's feed. Two triggers: ingest's nudge after each commit (prompt, best effort) and a
 * periodic poll (the safety net when a nudge is lost or this service was down). Both run
 * {@link #catchUp()}, which reads pages until the feed has nothing more and applies each with the cursor.
 * The rule sets it scores with are kept current by {@link RuleSetWatch}.
 */
@ApplicationScoped
public class FeedFollower {

    private static final Logger LOG = Logger.getLogger(FeedFollower.class);

    @Inject
    IngestFeed feed;

    @Inject
    AssessmentService assessments;

    @Inject
    RuleSetWatch ruleSetWatch;

    @Inject
    FeedCursorRepository cursor;

    private final int pageSize;
    private volatile boolean enabled;

    private final ReentrantLock running = new ReentrantLock();
    /**
     * Where the next page starts, read from the cursor once per catch-up and carried from page to page (guarded by
     * {@link #running}; -1 until read), which spares each page a transaction of its own to read it. A replica that moved the cursor further meanwhile costs only a re-read page, whose items {@code apply} skips
     * because they are at or below the cursor it locks.
     */
    private long position = -1;
    private final AtomicBoolean again = new AtomicBoolean();
    /**
     * Nudges not yet answered. A nudge is answered when the next catch-up round starts (the round that will read
     * what was committed before the nudge), not on arrival: ingest keeps one nudge in flight per follower, so this
     * paces its nudges to one per round instead of one per commit. Answered on arrival, they would come once per
     * commit under load, each a request through the HTTP stack, authentication and a worker thread, many times as
     * often as the follower applies pages.
     */
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> unanswered = new ConcurrentLinkedQueue<>();
    /**
     * The thread nudged catch-ups run on, kept hand-made on purpose: one thread runs the rounds one after another and
     * takes a nudge up the moment it is idle. Quarkus' scheduler runs jobs on its own clock, not when a nudge comes,
     * so it would delay every nudged revision to its next tick; a ManagedExecutor or a Vert.x worker would be
     * as prompt, but their threads are the pool that serves blocking requests too, and a round queued behind a running
     * one would keep such a thread blocked on {@link #running}. Neither would be simpler than this executor.
     */
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "feed-nudge");
        t.setDaemon(true);
        return t;
    });
    private final Timer pageTimer;
    private final Timer fetchTimer;

    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastError;
    private volatile long latestSeen;
    private volatile long applied;
    private volatile boolean started;

    @Inject
    public FeedFollower(MeterRegistry registry, ComplianceConfig config) {
        this.enabled = config.follower().enabled();
        this.pageSize = config.follower().pageSize();
        this.pageTimer = Timer.builder("pledgewatch.feed.page").description("time to fetch and apply a feed page")
                .register(registry);
        this.fetchTimer = Timer.builder("pledgewatch.feed.fetch").description("time to fetch a feed page from ingest")
                .register(registry);
        Gauge.builder("pledgewatch.feed.lag", this, FeedFollower::lag)
                .description("revisions published by ingest and not yet assessed here").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        started = true;
        if (enabled) {
            nudge();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        answerNudges();
        nudges.shutdown();
        try {
            nudges.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Scheduled(every = "${pledgewatch.follower.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        // The scheduler starts with the application and may fire before start-up has finished.
        if (!enabled || !started) {
            return;
        }
        catchUp();
    }

    /** Pauses or resumes following (operations, tests); the cursor stays where it is. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Asks for a catch-up soon, off the caller's thread; coalesces bursts. */
    public void nudge() {
        if (!enabled) {
            return;
        }
        if (running.isLocked()) {
            again.set(true);
            return;
        }
        nudges.execute(this::catchUp);
    }

    /**
     * {@link #nudge()}, answered when the catch-up round that takes it up starts (at once when following is off or
     * the service is stopping).
     */
    public CompletionStage<Void> nudgeAnswered() {
        if (!enabled) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> answer = new CompletableFuture<>();
        unanswered.add(answer);
        try {
            nudge();
        } catch (RejectedExecutionException stopping) {
            answerNudges();
        }
        return answer;
    }

    private void answerNudges() {
        CompletableFuture<Void> answer;
        while ((answer = unanswered.poll()) != null) {
            answer.complete(null);
        }
    }

    /**
     * Reads and applies pages until the feed has nothing more; waits for a catch-up already under way, so that
     * when it returns everything published before the call has been applied (or ingest was unreachable).
     * Returns how many revisions this call applied.
     */
    public int catchUp() {
        running.lock();
        int total = 0;
        try {
            position = -1;
            do {
                again.set(false);
                // A nudge queued before this point is covered by this round; one queued later also set `again`.
                answerNudges();
                total += drain();
            } while (again.get());
        } finally {
            running.unlock();
        }
        // A nudge that came after the last check of `again` but before the unlock saw the lock held and only set
        // `again`: take it up now, or its revisions would wait for the next nudge or the poll.
        if (again.get() && enabled) {
            try {
                nudges.execute(this::catchUp);
            } catch (RejectedExecutionException shuttingDown) {
                // The poll or the next start catches up.
                answerNudges();
            }
        }
        return total;
    }

    private int drain() {
        int total = 0;
        try {
            ruleSetWatch.ensureShippedRecorded();
            if (position < 0) {
                position = currentPosition();
            }
            while (true) {
                long started = System.nanoTime();
                FeedPage page = feed.page(position, pageSize);
                fetchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                int n = page.items().isEmpty() && page.next() <= position ? 0
                        : assessments.apply(page.items(), page.next());
                pageTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                latestSeen = Math.max(latestSeen, page.latest());
                lastSuccess = Instant.now();
                lastError = null;
                position = Math.max(position, page.next());
                total += n;
                applied += n;
                if (n > 0) {
                    LOG.debugf("applied %d revisions up to seq %d", n, page.next());
                }
                if (!page.hasMore()) {
                    return total;
                }
            }
        } catch (RuntimeException e) {
            lastFailure = Instant.now();
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!message.equals(lastError)) {
                LOG.warnf("feed not followed (%s); will retry", message);
            }
            lastError = message;
            return total;
        }
    }

    long currentPosition() {
        return cursor.position();
    }

    public long lag() {
        try {
            return Math.max(0, latestSeen - currentPosition());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public Status status() {
        return new Status(lastError == null && lastSuccess != null, lastSuccess, lastFailure, lastError, latestSeen,
                lag(), applied);
    }

    public record Status(boolean feedReachable, Instant lastSuccess, Instant lastFailure, String lastError,
                         long latestSeen, long lag, long appliedSinceStart) {
    }
}
