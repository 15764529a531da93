package io.pledgewatch.report.figures;

import io.pledgewatch.report.compliance.ComplianceData;
import java.time.Instant;
import java.util.List;

/**
 * Everything one briefing shows, gathered before rendering starts so that the PDF and the tables are drawn from one
 * fixed picture. It knows nothing of the briefing's lifecycle: the renderers need only this.
 *
 * @param country     the nation of a national briefing; {@code null} for the Alliance's
 * @param assessments every assessment in scope (all nations and years for the Alliance, one nation's years otherwise)
 * @param changes     what changed since the previous briefing of the same kind, as sentences
 * @param snapshot    the key figures shown, kept with the briefing for the next one's "what changed"
 * @param burden      the Alliance summary of every year whose totals rest on at least one nation (burden sharing)
 * @param plans       the Hague annual plans in scope (every Ally's, or the one nation's)
 */
public record BriefingData(String country, String countryName, String period, Instant asOf,
                           Instant dataCutoff, int focusYear, ComplianceData.Alliance alliance,
                           List<ComplianceData.Assessment> assessments, List<ComplianceData.RuleSet> ruleSets,
                           List<String> changes, Snapshot snapshot, List<ComplianceData.Alliance> burden,
                           List<ComplianceData.Plan> plans) {

    public BriefingData(String country, String countryName, String period, Instant asOf, Instant dataCutoff,
                        int focusYear, ComplianceData.Alliance alliance, List<ComplianceData.Assessment> assessments,
                        List<ComplianceData.RuleSet> ruleSets, List<String> changes, Snapshot snapshot) {
        this(country, countryName, period, asOf, dataCutoff, focusYear, alliance, assessments, ruleSets, changes,
                snapshot, List.of(), List.of());
    }

    /**
     * The year the analyst pages are about: the latest year, up to the focus year or the current one, in which some
     * nation reported amounts (published ratios carry no measures); the focus year when none did.
     */
    public int measuresYear() {
        int limit = Math.max(focusYear, asOf.atZone(java.time.ZoneOffset.UTC).getYear());
        return assessments.stream().filter(a -> a.year() <= limit && a.analyst().isPresent())
                .mapToInt(ComplianceData.Assessment::year).max().orElse(focusYear);
    }

    public boolean isAlliance() {
        return country == null;
    }

    public List<ComplianceData.Assessment> ofYear(int year) {
        return assessments.stream().filter(a -> a.year() == year).toList();
    }

    public List<ComplianceData.Assessment> ofCountry(String iso3) {
        return assessments.stream().filter(a -> a.country().equals(iso3))
                .sorted(java.util.Comparator.comparingInt(ComplianceData.Assessment::year)).toList();
    }
}
