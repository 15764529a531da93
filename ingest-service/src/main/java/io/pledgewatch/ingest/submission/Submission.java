package io.pledgewatch.ingest.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The head of one nation's submission for one year: which revision is current. Its row is the lock that
 * orders revisions of the same (country, year).
 */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    private static final int KEYS_PER_QUERY = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "submission_ids")
    @SequenceGenerator(name = "submission_ids", sequenceName = "submission_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 3)
    public String country;

    @Column(name = "budget_year", nullable = false)
    public int year;

    @Column(name = "current_revision", nullable = false)
    public int currentRevision;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static String key(String country, int year) {
        return country + "/" + year;
    }

    /**
     * Locks the heads of {@code keys} (country, year; sorted by the caller) in that order, a query per thousand
     * keys rather than one per key; keys without a head yet are absent from the result.
     */
    public static Map<String, Submission> lockAll(List<Map.Entry<String, Integer>> keys) {
        Map<String, Submission> heads = new HashMap<>();
        // ORDER BY ... FOR UPDATE locks in that order: the same global order for every writer, so no deadlock.
        Submission.<Submission>byKeys("SELECT * FROM submission WHERE (country, budget_year) IN (%s)"
                + " ORDER BY country, budget_year FOR UPDATE", keys, Submission.class)
                .forEach(h -> heads.put(key(h.country, h.year), h));
        return heads;
    }

    /**
     * Runs native {@code sql} whose {@code %s} is a list of (country, year) pairs, a thousand keys at a time. Native
     * SQL on purpose: an HQL query with a list parameter is translated anew for every list length (the translation
     * was a tenth of ingest's CPU in the throughput profile).
     */
    @SuppressWarnings("unchecked")
    static <T> List<T> byKeys(String sql, List<Map.Entry<String, Integer>> keys, Class<T> type) {
        List<T> result = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<Map.Entry<String, Integer>> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            StringBuilder pairs = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                pairs.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
            }
            Query query = getEntityManager().createNativeQuery(sql.formatted(pairs), type);
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(2 * i + 1, chunk.get(i).getKey()).setParameter(2 * i + 2, chunk.get(i).getValue());
            }
            result.addAll(query.getResultList());
        }
        return result;
    }


    public static List<Submission> list(String country, Integer year) {
        StringBuilder q = new StringBuilder("1 = 1");
        if (country != null) {
            q.append(" and country = :country");
        }
        if (year != null) {
            q.append(" and year = :year");
        }
        var params = new java.util.HashMap<String, Object>();
        if (country != null) {
            params.put("country", country);
        }
        if (year != null) {
            params.put("year", year);
        }
        return find(q + " order by country, year", params).list();
    }
}
