package io.pledgewatch.report.figures;

import io.pledgewatch.reference.NatoEdition;
import io.pledgewatch.report.compliance.ComplianceData;
import java.util.List;
import java.util.Optional;

/**
 * NATO's own aggregates (% of GDP of NATO Europe and Canada and of the Alliance) as the newest loaded edition that
 * prints them gives them; shown beside the suite's own totals, which rest only on the nations that submitted amounts.
 *
 * @param edition the edition cited, e.g. "NATO, Defence Investment of NATO Countries (2014-2026), 7 July 2026"
 */
public record NatoAggregates(String edition, List<NatoEdition.Aggregate> rows) {

    public static final String EUROPE_CANADA = "EUROPE_CANADA";
    public static final String ALLIANCE = "NATO";

    /**
     * The aggregates of the newest of {@code loaded} (newest first) that the suite ships with aggregates for; an edition
     * loaded is recognised by its publication day and its title within the import's source. Empty when none has them.
     */
    public static Optional<NatoAggregates> newestOf(List<ComplianceData.Edition> loaded) {
        for (ComplianceData.Edition e : loaded) {
            for (NatoEdition shipped : NatoEdition.values()) {
                if (shipped.publishedOn().equals(e.publishedOn()) && e.source() != null
                        && e.source().contains(shipped.title()) && !shipped.aggregates().isEmpty()) {
                    return Optional.of(new NatoAggregates(BriefingData.cite(e), shipped.aggregates()));
                }
            }
        }
        return Optional.empty();
    }

    public Optional<NatoEdition.Aggregate> of(String group, int year) {
        return rows.stream().filter(r -> r.group().equals(group) && r.year() == year).findFirst();
    }

    public List<Integer> years() {
        return rows.stream().map(NatoEdition.Aggregate::year).distinct().sorted().toList();
    }
}
