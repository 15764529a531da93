package io.pledgewatch.report.briefing;

import io.pledgewatch.report.compliance.ComplianceData;
import java.time.Instant;
import java.util.List;

/**
 * Everything one briefing shows, gathered before rendering starts so the PDF is drawn from a fixed picture.
 *
 * @param assessments every assessment in scope (all nations and years for the Alliance, one nation's years otherwise)
 * @param changes     what changed since the previous briefing of the same kind, as sentences
 * @param snapshot    the key figures shown, kept with the briefing for the next one's "what changed"
 */
public record BriefingData(String kind, String country, String countryName, String period, Instant asOf,
                           Instant dataCutoff, int focusYear, ComplianceData.Alliance alliance,
                           List<ComplianceData.Assessment> assessments, List<ComplianceData.RuleSet> ruleSets,
                           List<String> changes, Snapshot snapshot) {

    public boolean isAlliance() {
        return "ALLIANCE".equals(kind);
    }

    public List<ComplianceData.Assessment> ofYear(int year) {
        return assessments.stream().filter(a -> a.year() == year).toList();
    }

    public List<ComplianceData.Assessment> ofCountry(String iso3) {
        return assessments.stream().filter(a -> a.country().equals(iso3))
                .sorted(java.util.Comparator.comparingInt(ComplianceData.Assessment::year)).toList();
    }
}
