package io.pledgewatch.compliance.assessment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hibernate.type.StandardBasicTypes;

/**
 * The reads of the history (figures as of a day, NATO's editions); the feed-page apply writes it. Cold paths: native
 * PostgreSQL ({@code DISTINCT ON}) where it says in one statement what would otherwise take a window function.
 */
@ApplicationScoped
public class RevisionHistoryRepository implements PanacheRepositoryBase<RevisionHistory, Long> {

    /**
     * Of one nation ({@code country} empty: of all) and the years {@code from} to {@code to}, per key the revision
     * known since the latest time before {@code cutoff} (ties: the later feed position), by country and year: the
     * choice {@link RevisionFigures#isSupersededBy} makes as the feed arrives, made again for a past day.
     */
    public List<RevisionHistory> knownBefore(Instant cutoff, String country, int from, int to) {
        return getSession().createNativeQuery("""
                        select distinct on (country, budget_year) * from revision_history
                        where known_since < :cutoff and budget_year between :from and :to
                          and (:country = '' or country = :country)
                        order by country, budget_year, known_since desc, feed_seq desc""", RevisionHistory.class)
                .setParameter("cutoff", cutoff).setParameter("from", from).setParameter("to", to)
                .setParameter("country", country == null ? "" : country).setReadOnly(true).getResultList();
    }

    /** One edition: the published ratios that came with one source on one day. */
    public record EditionRow(String source, Instant knownSince, long nations, long rows) {
    }

    /** One published figure of an edition: NATO's defence expenditure in % of GDP. */
    public record PublishedFigure(String country, int year, BigDecimal defencePctGdp) {
    }

    /**
     * The editions known before {@code cutoff}, newest first: the published ratios grouped by (source, knownSince),
     * with how many nations and (country, year) keys each holds.
     */
    public List<EditionRow> editionsBefore(Instant cutoff) {
        // addScalar, not a result class (docs/decisions/0011-native-scalar-queries.md).
        List<?> rows = getSession().createNativeQuery("""
                        select source, known_since, count(distinct country) as nations,
                               count(distinct (country, budget_year)) as keys
                        from revision_history where published_ratio and known_since < :cutoff
                        group by source, known_since order by known_since desc, source""")
                .addScalar("source", StandardBasicTypes.STRING).addScalar("known_since", StandardBasicTypes.INSTANT)
                .addScalar("nations", StandardBasicTypes.LONG).addScalar("keys", StandardBasicTypes.LONG)
                .setParameter("cutoff", cutoff).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new EditionRow((String) r[0], (Instant) r[1], (Long) r[2], (Long) r[3])).toList();
    }

    /** The figures of one edition, by country and year (a key given twice in it: the later feed position). */
    public List<PublishedFigure> figuresOf(String source, Instant knownSince) {
        List<?> rows = getSession().createNativeQuery("""
                        select distinct on (country, budget_year) country, budget_year, defence_pct_gdp
                        from revision_history where published_ratio and source = :source and known_since = :knownSince
                        order by country, budget_year, feed_seq desc""")
                .addScalar("country", StandardBasicTypes.STRING).addScalar("budget_year", StandardBasicTypes.INTEGER)
                .addScalar("defence_pct_gdp", StandardBasicTypes.BIG_DECIMAL)
                .setParameter("source", source).setParameter("knownSince", knownSince).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new PublishedFigure((String) r[0], (Integer) r[1], (BigDecimal) r[2])).toList();
    }
}
