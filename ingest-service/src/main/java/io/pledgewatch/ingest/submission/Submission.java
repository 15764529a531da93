package io.pledgewatch.ingest.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * The head of one nation's submission for one year: which revision is current. Its row is the lock that
 * orders revisions of the same (country, year).
 */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

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
