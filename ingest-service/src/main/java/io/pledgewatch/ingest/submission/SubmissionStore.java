package io.pledgewatch.ingest.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.StatelessSession;

/**
 * The hot paths' statements on submissions, through Hibernate's {@link StatelessSession}: the write batch (lock the
 * heads, read their current revisions, for a dated import what it stored before, insert revisions, insert or update
 * heads) and the feed page. A stateless
 * session keeps no persistence context and flushes nothing behind the caller's back: each method is the statement
 * it names, and a batch is one JDBC batch ({@code insertMultiple} / {@code updateMultiple}). Keys go to the database
 * as one array parameter each ({@code = any(:ids)}, {@code unnest}), so a batch of any size is one statement of one
 * shape. Every method runs in the caller's JTA transaction, on a worker thread.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubmissionStore {

    @Inject
    StatelessSession session;

    /**
     * Locks the heads of {@code keys} (country, year) and returns them keyed by {@link Submission#key}; keys without
     * a head yet are absent. ORDER BY ... FOR UPDATE locks in (country, year) order, the same for every writer, so
     * writers cannot deadlock. Their current revisions are read by a second statement ({@link #currentRevisions}) on
     * purpose: a head updated while this one waited for its lock is returned as committed, and only a statement that
     * starts after the lock sees the revision committed with it.
     */
    public Map<String, Submission> lockHeads(List<Map.Entry<String, Integer>> keys) {
        Map<String, Submission> heads = new HashMap<>();
        if (keys.isEmpty()) {
            return heads;
        }
        String[] countries = keys.stream().map(Map.Entry::getKey).toArray(String[]::new);
        Integer[] years = keys.stream().map(Map.Entry::getValue).toArray(Integer[]::new);
        List<Submission> locked = session.createNativeQuery("select s.* from submission s"
                        + " where (s.country, s.budget_year) in (select * from unnest(cast(:countries as varchar[]), cast(:years as integer[])))"
                        + " order by s.country, s.budget_year for update", Submission.class)
                .setParameter("countries", countries)
                .setParameter("years", years)
                .getResultList();
        locked.forEach(h -> heads.put(Submission.key(h.country, h.year), h));
        return heads;
    }

    /** The current revisions of {@code heads}, keyed as {@link #lockHeads} keys them ({@link Submission#key}). */
    public Map<String, SubmissionRevision> currentRevisions(Collection<Submission> heads) {
        Map<String, SubmissionRevision> currents = new HashMap<>();
        if (heads.isEmpty()) {
            return currents;
        }
        Long[] ids = heads.stream().map(h -> h.id).toArray(Long[]::new);
        session.createNativeQuery("select r.* from submission_revision r join submission s"
                        + " on r.submission_id = s.id and r.revision = s.current_revision where s.id = any(:ids)",
                        SubmissionRevision.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(r -> currents.put(Submission.key(r.country, r.year), r));
        return currents;
    }

    /**
     * The revisions of {@code heads} known since exactly {@code knownSince}, keyed as {@link #lockHeads} keys them
     * ({@link Submission#key}): what an import dated that day has stored before, whether current or not. Read only for
     * a dated import, once per batch, so that an edition loaded twice adds nothing the second time.
     */
    public Map<String, List<SubmissionRevision>> knownSince(Collection<Submission> heads, Instant knownSince) {
        Map<String, List<SubmissionRevision>> known = new HashMap<>();
        if (heads.isEmpty()) {
            return known;
        }
        Long[] ids = heads.stream().map(h -> h.id).toArray(Long[]::new);
        session.createNativeQuery("select r.* from submission_revision r"
                        + " where r.submission_id = any(:ids) and r.known_since = :knownSince", SubmissionRevision.class)
                .setParameter("ids", ids)
                .setParameter("knownSince", knownSince)
                .getResultList()
                .forEach(r -> known.computeIfAbsent(Submission.key(r.country, r.year), k -> new ArrayList<>()).add(r));
        return known;
    }

    /** Inserts new heads; their ids come from the table's sequence. */
    public void insertHeads(List<Submission> heads) {
        if (!heads.isEmpty()) {
            session.insertMultiple(heads);
        }
    }

    /** Writes the heads' new current and last revision numbers. */
    public void updateHeads(List<Submission> heads) {
        if (!heads.isEmpty()) {
            session.updateMultiple(heads);
        }
    }

    /** Inserts revisions in one batch; their ids come from the table's sequence. */
    public void insertRevisions(List<SubmissionRevision> revisions) {
        if (!revisions.isEmpty()) {
            session.insertMultiple(revisions);
        }
    }

    /**
     * The feed: revisions after position {@code afterSeq}, oldest first, at most {@code limit}. Served to compliance
     * for every page it applies: a hot path, hence the stateless session
     * (docs/decisions/0001-hibernate-orm-panache-with-stateless-session-for-hot-paths.md).
     */
    public List<SubmissionRevision> feed(long afterSeq, int limit) {
        return session.createSelectionQuery("from SubmissionRevision r where r.feedSeq > :after order by r.feedSeq",
                        SubmissionRevision.class)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }
}
