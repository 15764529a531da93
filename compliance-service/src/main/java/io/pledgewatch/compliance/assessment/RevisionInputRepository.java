package io.pledgewatch.compliance.assessment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The stored inputs as the reads need them (series, plans, the Alliance); the feed-page apply writes them. */
@ApplicationScoped
public class RevisionInputRepository implements PanacheRepositoryBase<RevisionInput, String> {

    /** One year's inputs, by country. */
    public List<RevisionInput> ofYear(int year) {
        return list("from RevisionInput r where r.year = ?1 order by r.country", year);
    }

    /** One nation's inputs, by year. */
    public List<RevisionInput> ofCountry(String country) {
        return list("from RevisionInput r where r.country = ?1 order by r.year", country);
    }

    /** The inputs of years {@code from} to {@code to}, by country and year. */
    public List<RevisionInput> ofYears(int from, int to) {
        return list("from RevisionInput r where r.year between ?1 and ?2 order by r.country, r.year", from, to);
    }
}
