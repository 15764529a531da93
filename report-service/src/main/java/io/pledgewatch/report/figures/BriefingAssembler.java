package io.pledgewatch.report.figures;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.report.compliance.ComplianceClient;
import io.pledgewatch.report.compliance.ComplianceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Gathers a briefing's data from compliance-service; the PDF is then drawn from this fixed picture. */
@ApplicationScoped
public class BriefingAssembler {

    @Inject
    ComplianceClient compliance;

    /**
     * @param country  the nation of a national briefing; {@code null} for the Alliance's
     * @param previous the key figures of the previous briefing of the same kind, or null if there was none
     */
    public BriefingData gather(String country, String period, Instant asOf, Integer requestedYear, Snapshot previous) {
        boolean wholeAlliance = country == null;
        List<ComplianceData.Assessment> assessments = compliance.assessments(country);
        int focusYear = requestedYear != null ? requestedYear : focusYear(assessments, asOf, wholeAlliance);
        ComplianceData.Alliance alliance = wholeAlliance ? compliance.alliance(focusYear) : null;
        List<ComplianceData.RuleSet> ruleSets = compliance.ruleSets();
        Instant cutoff = assessments.stream().map(ComplianceData.Assessment::assessedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Snapshot snapshot = Snapshot.of(focusYear, assessments);
        String name = country == null ? null : Allies.get().nameOf(country);
        List<ComplianceData.Plan> plans = compliance.plans().stream()
                .filter(p -> country == null || p.country().equals(country)).toList();
        return new BriefingData(country, name, period, asOf, cutoff, focusYear, alliance, assessments, ruleSets,
                snapshot.changesSince(previous, 25), snapshot, wholeAlliance ? burden(assessments) : List.of(), plans);
    }

    /** The Alliance totals of each year in which some nation reported amounts with a USD rate, oldest first. */
    private List<ComplianceData.Alliance> burden(List<ComplianceData.Assessment> assessments) {
        return assessments.stream().filter(a -> a.analyst().map(m -> m.usd() != null).orElse(false))
                .map(ComplianceData.Assessment::year).distinct().sorted().map(compliance::alliance).toList();
    }

    /**
     * The year a briefing is about when none is asked for: the latest year, up to the current one, with figures
     * for at least half as many nations as the best-covered year (so three early 2026 budgets do not make a
     * 2026 briefing of three nations while 2025 has thirty).
     */
    static int focusYear(List<ComplianceData.Assessment> assessments, Instant asOf, boolean alliance) {
        int current = asOf.atZone(ZoneOffset.UTC).getYear();
        Map<Integer, Long> perYear = assessments.stream().filter(ComplianceData.Assessment::assessed)
                .filter(a -> a.year() <= current)
                .collect(Collectors.groupingBy(ComplianceData.Assessment::year, Collectors.counting()));
        if (perYear.isEmpty()) {
            return Math.min(current, Allies.LAST_YEAR);
        }
        long best = perYear.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long needed = alliance ? (best + 1) / 2 : 1;
        return perYear.entrySet().stream().filter(e -> e.getValue() >= needed).mapToInt(Map.Entry::getKey).max()
                .orElse(current);
    }
}
