package io.pledgewatch.ingest.submission;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cold reads of revisions (one submission, its history, the list), through Panache. They are a delegation's
 * reads before it revises and a staff member's browsing: a handful a minute, where a query per call and a
 * persistence context per request cost nothing worth a hand-made path. The write batch and the feed page, which
 * are the service's load, go through {@link SubmissionStore}.
 */
@ApplicationScoped
public class SubmissionRevisionRepository implements PanacheRepository<SubmissionRevision> {

    private static final String CURRENT = "select r from SubmissionRevision r join Submission s"
            + " on r.submissionId = s.id and r.revision = s.currentRevision";

    /** The current revision of one (country, year). */
    public Optional<SubmissionRevision> current(String country, int year) {
        return find(CURRENT + " where s.country = :country and s.year = :year",
                Parameters.with("country", country).and("year", year)).firstResultOptional();
    }

    /**
     * Every revision of one (country, year), oldest first; empty when the nation has never submitted that year (a
     * head always has at least one revision).
     */
    public List<SubmissionRevision> history(String country, int year) {
        return list("submissionId = (select s.id from Submission s where s.country = :country and s.year = :year)",
                Sort.by("revision"),
                Parameters.with("country", country).and("year", year));
    }

    /** The current revisions, of one nation and/or one year when given, by country and year. */
    public List<SubmissionRevision> currents(String country, Integer year) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (country != null) {
            conditions.add("s.country = :country");
            parameters.and("country", country);
        }
        if (year != null) {
            conditions.add("s.year = :year");
            parameters.and("year", year);
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return list(CURRENT + where + " order by s.country, s.year", parameters);
    }
}
