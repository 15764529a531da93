package io.pledgewatch.compliance.assessment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The stored inputs as the reads need them (series, plans, the Alliance); the feed-page apply writes them. */
@ApplicationScoped
public class RevisionInputRepository implements PanacheRepositoryBase<RevisionInput, String> {

    /** Of one nation ({@code country} empty: of all) and the years {@code from} to {@code to}, by country and year. */
    public List<RevisionInput> of(String country, int from, int to) {
        return list("from RevisionInput r where r.year between ?1 and ?2 and (?3 = '' or r.country = ?3)"
                + " order by r.country, r.year", from, to, country == null ? "" : country);
    }
}
