package io.pledgewatch.compliance.assessment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stored assessments as served (the reads; the feed-page apply writes them through the stateless session). */
@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<AssessmentRecord, String> {

    public Optional<String> body(String id) {
        return findByIdOptional(id).map(a -> a.body);
    }

    /** Of one nation and/or one year when given, by year and country. */
    public List<String> bodies(String country, Integer year) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (country != null) {
            conditions.add("a.country = :country");
            parameters.and("country", country);
        }
        if (year != null) {
            conditions.add("a.year = :year");
            parameters.and("year", year);
        }
        String query = "from AssessmentRecord a" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by a.year, a.country";
        return list(query, parameters).stream().map(a -> a.body).toList();
    }
}
