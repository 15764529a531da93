package io.pledgewatch.report.briefing;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Briefings (table {@code briefing}) and their content (table {@code briefing_pdf}). */
@ApplicationScoped
public class BriefingRepository implements PanacheRepository<Briefing> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    /** At most {@code limit} briefings, newest first. */
    public List<Briefing> newestFirst(int limit) {
        return findAll(NEWEST_FIRST).page(Page.ofSize(limit)).list();
    }

    /** The newest READY briefing of a kind and nation ({@code null}: the Alliance's). */
    public Optional<Briefing> latestReady(Briefing.Kind kind, String country) {
        return (country == null
                ? find("status = ?1 and kind = ?2 and country is null", NEWEST_FIRST, Briefing.Status.READY, kind)
                : find("status = ?1 and kind = ?2 and country = ?3", NEWEST_FIRST, Briefing.Status.READY, kind, country))
                .firstResultOptional();
    }

    /** The newest READY briefing of a kind and nation ({@code null}: the Alliance's) of the figures as of a day (null: current). */
    public Optional<Briefing> latestReady(Briefing.Kind kind, String country, LocalDate asOf) {
        Parameters p = Parameters.with("ready", Briefing.Status.READY).and("kind", kind);
        String query = "status = :ready and kind = :kind";
        if (country == null) {
            query += " and country is null";
        } else {
            query += " and country = :country";
            p = p.and("country", country);
        }
        if (asOf == null) {
            query += " and asOf is null";
        } else {
            query += " and asOf = :asOf";
            p = p.and("asOf", asOf);
        }
        return find(query, NEWEST_FIRST, p).firstResultOptional();
    }

    public boolean periodClaimed(String periodKey) {
        return count("periodKey", periodKey) > 0;
    }

    /** Ids of at most {@code limit} briefings due at {@code now}: new or failed with attempts left, or abandoned. */
    public List<Long> due(Instant now, int maxAttempts, int limit) {
        return getEntityManager().createQuery("select b.id from Briefing b where (b.status in :waiting"
                        + " and b.nextAttemptAt <= :now and b.attempts < :max) or (b.status = :running and b.leaseUntil < :now)"
                        + " order by b.id", Long.class)
                .setParameter("waiting", List.of(Briefing.Status.PENDING, Briefing.Status.FAILED))
                .setParameter("running", Briefing.Status.RUNNING).setParameter("now", now)
                .setParameter("max", maxAttempts).setMaxResults(limit).getResultList();
    }

    /**
     * Takes the lease on briefing {@code id} until {@code until} if it is due (see {@link #due}), counting an attempt.
     * One conditional UPDATE, so of replicas racing for the same briefing exactly one wins.
     */
    public boolean lease(long id, Instant until, int maxAttempts, Instant now) {
        return update("status = :running, leaseUntil = :until, attempts = attempts + 1 where id = :id"
                        + " and ((status in :waiting and attempts < :max) or (status = :running and leaseUntil < :now))",
                Parameters.with("running", Briefing.Status.RUNNING).and("until", until).and("id", id)
                        .and("waiting", List.of(Briefing.Status.PENDING, Briefing.Status.FAILED))
                        .and("max", maxAttempts).and("now", now)) > 0;
    }

    /** Ids of READY briefings beyond the newest {@code keep} (at most a thousand at a time). */
    public List<Long> readyBeyond(int keep) {
        return getEntityManager().createQuery("select b.id from Briefing b where b.status = :ready"
                        + " order by b.createdAt desc, b.id desc", Long.class)
                .setParameter("ready", Briefing.Status.READY).setFirstResult(keep).setMaxResults(1000).getResultList();
    }

    /** Deletes a briefing; its content goes with it (ON DELETE CASCADE). */
    public void deleteWithContent(long id) {
        delete("id", id);
    }

    public void persist(BriefingContent content) {
        getEntityManager().persist(content);
    }

    /** The PDF of a READY briefing; empty for any other. */
    public Optional<byte[]> pdf(long id) {
        return getEntityManager().createQuery("select c.content from BriefingContent c where c.briefingId = :id",
                byte[].class).setParameter("id", id).getResultStream().findFirst();
    }

    /** The tables (JSON) stored with a READY briefing; empty for any other, or one made before tables were kept. */
    public Optional<String> tables(long id) {
        return getEntityManager().createQuery("select c.tables from BriefingContent c where c.briefingId = :id",
                String.class).setParameter("id", id).getResultStream().filter(t -> t != null).findFirst();
    }
}
