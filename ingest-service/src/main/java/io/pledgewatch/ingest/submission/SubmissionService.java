package io.pledgewatch.ingest.submission;

import io.pledgewatch.platform.persistence.UniqueKey;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import io.pledgewatch.reference.Ally;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Stores revisions. Every write, single or bulk, goes through {@link #write}: lock the heads, decide per
 * item (new, revised, unchanged), then take feed positions and insert, all in one transaction.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);
    private static final int CREATE_RACE_RETRIES = 3;
    /** The unique key on (country, budget_year) of table submission (migration V1). */
    private static final String HEAD_KEY = "submission_country_year_uk";

    @Inject
    FeedSequencer sequencer;

    @Inject
    SubmissionStore store;

    @Inject
    SubmissionRevisionRepository revisions;

    @Inject
    Event<RevisionsCommitted> committed;

    /**
     * What a write did. SUPERSEDED: stored as a new revision in the history but not current, because the current
     * revision was known since later (an older edition loaded after a newer one).
     */
    public enum Outcome { CREATED, REVISED, UNCHANGED, SUPERSEDED }

    /** One intended write. {@code ifMatch} is empty for imports, which are authoritative and need no precondition. */
    public record Item(Ally ally, int year, RevisionContent content, Optional<String> ifMatch, boolean preconditionRequired) {
    }

    public record Written(Outcome outcome, SubmissionView view) {
    }

    /** One PUT of a combined batch: its item and who sent it. */
    public record Put(Item item, String submittedBy) {
    }

    /** A combined PUT's own outcome: what was written, or why this request alone was refused. */
    public record PutResult(Written written, ProblemException refused) {
    }

    /** Fired after commit so that followers can be nudged; losing it loses nothing (the feed is the record). */
    public record RevisionsCommitted(long lastSeq) {
    }

    /**
     * Writes all items or none. A concurrent first write of the same (country, year) surfaces as a unique-key
     * violation on the head; the whole transaction is then retried, and sees the other writer's head.
     *
     * @param publishedOn the day the items' source published them (a staff import's): they are known since that day,
     *                    00:00 UTC; empty: since they are received
     */
    public List<Written> write(List<Item> items, String submittedBy, String importId, Optional<LocalDate> publishedOn) {
        List<Put> puts = items.stream().map(i -> new Put(i, submittedBy)).toList();
        Instant knownSince = dated(publishedOn);
        return retryingCreateRaces(() -> writeOnce(puts, importId, knownSince, false)).stream().map(PutResult::written)
                .toList();
    }

    /**
     * The revisions {@link #write} would store for {@code items}, as the feed shows them, without storing or reading
     * anything: an import's dry run. Each is unnumbered (revision and seq 0), since a number is only taken by storing.
     *
     * @param lines each item's line in its CSV, shown beside it so that a caller can name the row it refuses
     */
    public List<SubmissionView> preview(List<Item> items, List<Integer> lines, String submittedBy,
                                        Optional<LocalDate> publishedOn) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant knownSince = Optional.ofNullable(dated(publishedOn)).orElse(now);
        List<SubmissionView> views = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            SubmissionRevision r = SubmissionRevision.unnumbered(item.ally().iso3(), item.year(), item.content(),
                    item.content().contentHash(), now, knownSince, submittedBy);
            views.add(SubmissionView.of(r, lines.get(i)));
        }
        return views;
    }

    /** Since when a dated import's rows are known: its day of publication, 00:00 UTC; null for an undated one. */
    private static Instant dated(Optional<LocalDate> publishedOn) {
        return publishedOn.map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null);
    }

    /**
     * Writes PUTs that arrived together (see {@link WriteCombiner}) in one transaction: one feed-counter increment
     * and one commit for the batch. Each PUT gets its own outcome: a stale or missing If-Match refuses that PUT
     * alone, and the others are written. The caller passes at most one PUT per (country, year).
     */
    public List<PutResult> writeCombined(List<Put> puts) {
        return retryingCreateRaces(() -> writeOnce(puts, null, null, true));
    }

    private List<PutResult> retryingCreateRaces(Supplier<List<PutResult>> once) {
        for (int attempt = 0; attempt < CREATE_RACE_RETRIES; attempt++) {
            try {
                List<PutResult> results = inNewTransaction(once);
                results.stream().filter(r -> r.written() != null && r.written().outcome() != Outcome.UNCHANGED)
                        .mapToLong(r -> r.written().view().seq()).max()
                        .ifPresent(seq -> committed.fire(new RevisionsCommitted(seq)));
                return results;
            } catch (RuntimeException e) {
                if (!UniqueKey.violated(e, HEAD_KEY)) { // another writer inserted the same head first
                    throw e;
                }
                LOG.debugf("concurrent first write detected, retrying (attempt %d)", attempt + 1);
            }
        }
        throw new ProblemException(409, "Conflict", "another writer created this submission at the same time; retry");
    }

    private <T> T inNewTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    /**
     * Locks the heads, decides each PUT, then takes feed positions for everything to insert and inserts it. With
     * {@code eachOnItsOwn} a refused PUT is reported in its slot and the others go on; otherwise the first refusal
     * ends the transaction (an import is all or none). A refusal is decided before its head is touched, so a
     * refused PUT leaves nothing behind in the transaction.
     *
     * <p>A staff import may hold the same (country, year) more than once (successive editions of a series): each row
     * is decided against the one before it, so the rows become successive revisions in the file's order, and a row
     * equal to the one before it is unchanged.
     *
     * @param dated since when the PUTs are known (a dated import's publishedOn); null: since they are received
     */
    private List<PutResult> writeOnce(List<Put> puts, String importId, Instant dated, boolean eachOnItsOwn) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Decided in (country, year) order, the order lockHeads locks in; the sort is stable: the rows of one key stay
        // in the order they were sent.
        List<Put> ordered = new ArrayList<>(puts);
        ordered.sort(Comparator.comparing((Put p) -> p.item().ally().iso3()).thenComparingInt(p -> p.item().year()));
        // Two queries for the whole batch, not two per PUT.
        List<Map.Entry<String, Integer>> keys = ordered.stream()
                .map(p -> Map.entry(p.item().ally().iso3(), p.item().year())).distinct().toList();
        Map<String, Submission> heads = store.lockHeads(keys);
        // A key's tip: its current revision, then the revision an earlier row of this batch made current (decide).
        Map<String, SubmissionRevision> tips = store.currentRevisions(heads.values());
        // A dated import also sees what was stored as known since the same day, current or not (a third query for the
        // batch, not one per row; an undated write is known since now, later than everything stored, and needs none).
        Map<String, List<SubmissionRevision>> sameDay = dated == null ? new HashMap<>()
                : store.knownSince(heads.values(), dated);
        Map<Put, PutResult> results = new IdentityHashMap<>();
        List<Pending> pending = new ArrayList<>();
        for (Put put : ordered) {
            try {
                pending.add(decide(put, now, dated, heads, tips, sameDay));
            } catch (ProblemException refused) {
                if (!eachOnItsOwn) {
                    throw refused;
                }
                results.put(put, new PutResult(null, refused));
            }
        }
        List<Pending> toInsert = pending.stream().filter(p -> p.outcome != Outcome.UNCHANGED).toList();
        // A concurrent first write of the same key fails here with a unique violation, and the whole batch is retried.
        // A head this batch created (no id yet) is inserted with its current and last revision numbers; a stored one
        // is updated once, however many of the batch's rows revised it.
        List<Submission> stored = toInsert.stream().map(Pending::head).filter(h -> h.id != null).distinct().toList();
        store.insertHeads(toInsert.stream().filter(p -> p.outcome == Outcome.CREATED).map(Pending::head).toList());
        store.updateHeads(stored);
        long seq = toInsert.isEmpty() ? 0 : sequencer.reserve(toInsert.size());
        List<SubmissionRevision> revisions = new ArrayList<>(toInsert.size());
        for (Pending p : toInsert) {
            p.revision.submissionId = p.head.id;
            p.revision.feedSeq = seq++;
            p.revision.importId = importId;
            revisions.add(p.revision);
        }
        store.insertRevisions(revisions);
        logStored(revisions);
        // Views once every position is known: an unchanged row may repeat a revision of this batch.
        pending.forEach(p -> results.put(p.put, new PutResult(new Written(p.outcome, SubmissionView.of(p.revision)), null)));
        // Callers get results in the order they asked.
        return puts.stream().map(results::get).toList();
    }

    /**
     * One line per transaction, not per revision: a busy batch would otherwise log dozens of lines at once, and the
     * feed (GET /api/v1/feed) is the full record of every revision anyway. Per revision at DEBUG.
     */
    private static void logStored(List<SubmissionRevision> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        if (LOG.isDebugEnabled()) {
            revisions.forEach(r -> LOG.debugf("stored %s %d revision %d (seq %d) by %s", r.country, r.year, r.revision,
                    r.feedSeq, r.submittedBy));
        }
        SubmissionRevision first = revisions.get(0);
        LOG.infof("stored %d revision(s), seq %d-%d (first %s %d revision %d by %s)", revisions.size(), first.feedSeq,
                revisions.get(revisions.size() - 1).feedSeq, first.country, first.year, first.revision, first.submittedBy);
    }

    /** A decided PUT: the revision it writes (its position still to come), or for UNCHANGED the one it repeats. */
    private record Pending(Put put, Submission head, SubmissionRevision revision, Outcome outcome) {
    }

    /**
     * Decides one PUT against its key's tip: the current revision, or the revision an earlier row of this batch made
     * current.
     *
     * <p>The current revision of a key is the one known since the latest time; ties go to the later received, that is
     * the higher revision number, since a key's revisions are numbered in the order they arrive. So a new revision
     * becomes current unless the tip was known since later: then it is stored after it as history (SUPERSEDED), and
     * the tip, its ETag and what If-Match is checked against stay as they were. An undated write is known since it was
     * received, and never before the tip (which it was received after): if another replica's clock ran ahead when the
     * tip was stored, the tip's time stands in for now, so a delegation's PUT is current whatever the clocks say.
     */
    private Pending decide(Put put, Instant now, Instant dated, Map<String, Submission> heads,
                           Map<String, SubmissionRevision> tips, Map<String, List<SubmissionRevision>> sameDay) {
        Item item = put.item();
        String country = item.ally().iso3();
        String key = Submission.key(country, item.year());
        Submission head = heads.get(key);
        // Once per row: the digest is the dearest step of a large import's decision, and fill() reuses it.
        String hash = item.content().contentHash();
        Instant knownSince;
        Outcome outcome;
        if (head == null) {
            if (item.ifMatch().isPresent()) {
                throw new ProblemException(412, "Precondition failed",
                        "If-Match was given but " + country + " " + item.year() + " has no submission yet");
            }
            head = new Submission();
            head.country = country;
            head.year = item.year();
            head.createdAt = now;
            heads.put(key, head);
            knownSince = dated != null ? dated : now;
            outcome = Outcome.CREATED;
        } else {
            SubmissionRevision current = Optional.ofNullable(tips.get(key)).orElseThrow();
            knownSince = dated != null ? dated : latest(now, current.knownSince);
            boolean becomesCurrent = !knownSince.isBefore(current.knownSince);
            // A body identical to the current revision is a retry of a write that already succeeded: say so
            // (RFC 9110 allows 2xx when the requested change is already in place) rather than fail the retry. So is
            // a dated row identical to one stored as known since the same day (an edition loaded twice), current or
            // not. A row identical to the current one but known since earlier is not: it tells when the figures were
            // first known, which the history keeps.
            if (becomesCurrent && current.contentHash.equals(hash)) {
                return new Pending(put, head, current, Outcome.UNCHANGED);
            }
            Optional<SubmissionRevision> repeated = sameDay.getOrDefault(key, List.of()).stream()
                    .filter(r -> r.contentHash.equals(hash)).findFirst();
            if (repeated.isPresent()) {
                return new Pending(put, head, repeated.get(), Outcome.UNCHANGED);
            }
            checkPrecondition(item, head, current);
            outcome = becomesCurrent ? Outcome.REVISED : Outcome.SUPERSEDED;
        }
        SubmissionRevision r = SubmissionRevision.unnumbered(country, item.year(), item.content(), hash, now, knownSince,
                put.submittedBy());
        r.revision = ++head.lastRevision;
        head.updatedAt = now;
        if (outcome != Outcome.SUPERSEDED) {
            head.currentRevision = r.revision;
            tips.put(key, r);
        }
        if (dated != null) {
            sameDay.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return new Pending(put, head, r, outcome);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * If-Match guards a nation's own figures against lost updates. A year that holds only a ratio NATO published
     * (imported history) has no submission of the nation's yet: its first amounts need no ETag.
     */
    private static void checkPrecondition(Item item, Submission head, SubmissionRevision current) {
        boolean nationHasSubmitted = current.kind == RevisionContent.Kind.AMOUNTS;
        if (!item.preconditionRequired() || !nationHasSubmitted && item.ifMatch().isEmpty()) {
            return;
        }
        String subject = head.country + " " + head.year;
        String ifMatch = item.ifMatch().orElseThrow(() -> new ProblemException(428, "Precondition required",
                subject + " already exists (revision " + head.currentRevision
                        + "): send If-Match with its ETag to revise it",
                List.of(new Violation("If-Match", "is required to revise"))));
        if (!ETags.matches(ifMatch, head.currentRevision)) {
            throw new ProblemException(412, "Precondition failed",
                    "If-Match does not match the current revision " + ETags.of(head.currentRevision)
                            + " of " + subject + "; read it again and reapply your change",
                    List.of(new Violation("If-Match", "is stale")));
        }
    }

    @Transactional
    public Optional<SubmissionView> current(String country, int year) {
        return revisions.current(country, year).map(SubmissionView::of);
    }

    @Transactional
    public Optional<List<SubmissionView>> history(String country, int year) {
        List<SubmissionView> history = revisions.history(country, year).stream().map(SubmissionView::of).toList();
        return history.isEmpty() ? Optional.empty() : Optional.of(history);
    }

    @Transactional
    public List<SubmissionView> list(String country, Integer year) {
        return revisions.currents(country, year).stream().map(SubmissionView::of).toList();
    }
}
