package io.pledgewatch.ingest.submission;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.pledgewatch.ingest.IngestConfig;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Write combining for single PUTs. A PUT that arrives while {@code max-writers} batches are already being written
 * waits in a queue; a writer that finishes its batch takes everything queued (up to {@code max-batch}, one PUT per
 * country and year) and writes it in one transaction: one feed-counter increment, one commit, one fsync for the
 * lot. Alone, a PUT is written at once, as before; under load the batches grow by themselves, which is how a
 * service approaches the database's group-commit limit.
 *
 * <p>Each PUT keeps its own outcome: its rules were checked before it queued, and a stale or missing If-Match
 * refuses it alone (see {@link SubmissionService#writeCombined}). Two PUTs for the same country and year never share
 * a batch: the second waits for the next one and sees the first's revision, exactly as two requests in a row would.
 *
 * <p>The feed's never-skip guarantee is untouched: a batch takes its positions with the same single increment of
 * the counter row, as the last step before its commit, so batches (like single writes before them) commit in the
 * order of their positions; within a batch the positions are consecutive and become visible at once.
 *
 * <p>Asynchronous: {@link #put} queues the PUT and returns its outcome to come, so the request holds no thread
 * while it waits (its HTTP handling runs on the event loop, see {@code SubmissionResource}). The writers are tasks
 * on the service's worker pool, at most {@code max-writers} at a time, each draining the queue until it is empty:
 * Hibernate's session is used only there, never on the event loop.
 */
@ApplicationScoped
public class WriteCombiner {

    private final SubmissionService service;
    private final int maxBatch;
    private final int maxWriters;
    private final Executor writers;
    private final DistributionSummary batchSizes;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private int writing;

    @Inject
    public WriteCombiner(SubmissionService service, IngestConfig config, MeterRegistry registry) {
        this.service = service;
        this.maxBatch = config.writeCombining().maxBatch();
        this.maxWriters = config.writeCombining().maxWriters();
        this.writers = Infrastructure.getDefaultWorkerPool();
        this.batchSizes = DistributionSummary.builder("pledgewatch.ingest.write.batch")
                .description("PUTs written per transaction (write combining)").register(registry);
    }

    private record Waiting(SubmissionService.Put put, CompletableFuture<SubmissionService.Written> outcome) {
    }

    /**
     * Queues one PUT to be written, possibly together with others. The stage completes with its own outcome, or
     * fails with its own refusal ({@link io.pledgewatch.platform.problem.ProblemException}).
     */
    public CompletionStage<SubmissionService.Written> put(SubmissionService.Put put) {
        Waiting me = new Waiting(put, new CompletableFuture<>());
        boolean startWriter;
        synchronized (this) {
            queue.add(me);
            startWriter = writing < maxWriters;
            if (startWriter) {
                writing++;
            }
        }
        if (startWriter) {
            try {
                writers.execute(this::drain);
            } catch (RuntimeException rejected) { // the pool is shutting down
                synchronized (this) {
                    writing--;
                    queue.remove(me);
                }
                me.outcome.completeExceptionally(rejected);
            }
        }
        return me.outcome;
    }

    /**
     * One writer: batches until the queue is empty. Taking the last batch and leaving happen under one lock with
     * {@link #put}'s check, so a PUT is never queued with no writer left to take it.
     */
    private void drain() {
        while (true) {
            List<Waiting> batch;
            synchronized (this) {
                if (queue.isEmpty()) {
                    writing--;
                    return;
                }
                batch = take();
            }
            try {
                write(batch);
            } catch (Throwable e) {
                // Only an Error gets here with PUTs unanswered; their callers must not wait for ever, and the PUTs
                // queued behind them still have this writer.
                batch.forEach(w -> w.outcome.completeExceptionally(
                        new IllegalStateException("not written: the writing thread failed", e)));
            }
        }
    }

    /** The oldest queued PUTs, one per country and year, at most {@code maxBatch}. */
    private List<Waiting> take() {
        List<Waiting> batch = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Iterator<Waiting> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
            Waiting w = it.next();
            if (keys.add(Submission.key(w.put.item().ally().iso3(), w.put.item().year()))) {
                batch.add(w);
                it.remove();
            }
        }
        return batch;
    }

    private void write(List<Waiting> batch) {
        batchSizes.record(batch.size());
        List<SubmissionService.PutResult> results;
        try {
            results = service.writeCombined(batch.stream().map(Waiting::put).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).outcome.completeExceptionally(e);
            } else {
                // Something no single PUT's rules foresaw (a database error): write each alone, so that one
                // PUT's failure is its own and not its neighbours'.
                for (Waiting w : batch) {
                    write(List.of(w));
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            SubmissionService.PutResult result = results.get(i);
            if (result.refused() != null) {
                batch.get(i).outcome.completeExceptionally(result.refused());
            } else {
                batch.get(i).outcome.complete(result.written());
            }
        }
    }
}
