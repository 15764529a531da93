package io.pledgewatch.ingest.submission;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.pledgewatch.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Write combining for single PUTs. A PUT that arrives while {@code max-writers} batches are already being written
 * waits in a queue; the next request thread to find a writer slot free takes everything queued (up to
 * {@code max-batch}, one PUT per country and year) and writes it in one transaction: one feed-counter increment, one
 * commit, one fsync for the lot. Alone, a PUT is written at once, as before; under load the batches grow by
 * themselves, which is how a service approaches the database's group-commit limit.
 *
 * <p>Each PUT keeps its own outcome: its rules were checked before it queued, and a stale or missing If-Match
 * refuses it alone (see {@link SubmissionService#writeCombined}). Two PUTs for the same country and year never share
 * a batch: the second waits for the next one and sees the first's revision, exactly as two requests in a row would.
 *
 * <p>The feed's never-skip guarantee is untouched: a batch takes its positions with the same single increment of
 * the counter row, as the last step before its commit, so batches (like single writes before them) commit in the
 * order of their positions; within a batch the positions are consecutive and become visible at once.
 *
 * <p>No thread of its own: the request threads do the writing, so nothing is left running at shutdown and a
 * request is never queued behind a thread pool.
 */
@ApplicationScoped
public class WriteCombiner {

    private final SubmissionService service;
    private final int maxBatch;
    private final int maxWriters;
    private final DistributionSummary batchSizes;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private int writing;

    @Inject
    public WriteCombiner(SubmissionService service, IngestConfig config, MeterRegistry registry) {
        this.service = service;
        this.maxBatch = config.writeCombining().maxBatch();
        this.maxWriters = config.writeCombining().maxWriters();
        this.batchSizes = DistributionSummary.builder("pledgewatch.ingest.write.batch")
                .description("PUTs written per transaction (write combining)").register(registry);
    }

    private static final class Waiting {
        final SubmissionService.Put put;
        SubmissionService.PutResult result;
        RuntimeException failure;

        Waiting(SubmissionService.Put put) {
            this.put = put;
        }

        boolean done() {
            return result != null || failure != null;
        }
    }

    /** Writes one PUT, possibly together with others; returns its own outcome or throws its own refusal. */
    public SubmissionService.Written put(SubmissionService.Put put) {
        Waiting me = new Waiting(put);
        boolean interrupted = false;
        synchronized (this) {
            queue.add(me);
        }
        while (true) {
            List<Waiting> batch;
            synchronized (this) {
                while (!me.done() && (writing >= maxWriters || queue.isEmpty())) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // Keep waiting: the PUT may already be in a transaction that commits, and its caller
                        // must learn the outcome. The flag is restored below.
                        interrupted = true;
                    }
                }
                if (me.done()) {
                    break;
                }
                batch = take();
                writing++;
            }
            try {
                write(batch);
            } finally {
                synchronized (this) {
                    // Only an Error gets here with PUTs unanswered; their threads must not wait for ever.
                    batch.stream().filter(w -> !w.done()).forEach(w ->
                            w.failure = new IllegalStateException("not written: the writing thread failed"));
                    writing--;
                    notifyAll();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (me.failure != null) {
            throw me.failure;
        }
        if (me.result.refused() != null) {
            throw me.result.refused();
        }
        return me.result.written();
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
            results = service.writeCombined(batch.stream().map(w -> w.put).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch.get(0), e);
            } else {
                // Something no single PUT's rules foresaw (a database error): write each alone, so that one
                // PUT's failure is its own and not its neighbours'.
                for (Waiting w : batch) {
                    write(List.of(w));
                }
            }
            return;
        }
        synchronized (this) {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result = results.get(i);
            }
            notifyAll();
        }
    }

    private synchronized void fail(Waiting w, RuntimeException e) {
        w.failure = e;
        notifyAll();
    }
}
