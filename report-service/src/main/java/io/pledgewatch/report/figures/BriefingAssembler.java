package io.pledgewatch.report.figures;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import io.pledgewatch.report.compliance.ComplianceClient;
import io.pledgewatch.report.compliance.ComplianceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
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
     * @param country     the nation of a national briefing; {@code null} for the Alliance's
     * @param figuresAsOf the day whose figures to show (every compliance call asks as of it); null: now
     * @param previous    the key figures of the previous briefing of the same kind, or null if there was none
     */
    public BriefingData gather(String country, String period, Instant asOf, LocalDate figuresAsOf, Integer requestedYear,
                               Snapshot previous) {
        boolean wholeAlliance = country == null;
        List<ComplianceData.Assessment> assessments = compliance.assessments(country, figuresAsOf);
        int current = figuresAsOf != null ? figuresAsOf.getYear() : asOf.atZone(ZoneOffset.UTC).getYear();
        int focusYear = requestedYear != null ? requestedYear
                : wholeAlliance ? focusYear(assessments, current) : nationFocusYear(assessments, current);
        ComplianceData.Alliance alliance = wholeAlliance ? compliance.alliance(focusYear, figuresAsOf) : null;
        List<ComplianceData.RuleSet> ruleSets = compliance.ruleSets();
        ComplianceData.Editions editions = compliance.editions(figuresAsOf);
        // As of a day, the figures are those known by the end of it, whenever they were scored.
        Instant cutoff = figuresAsOf != null
                ? figuresAsOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).minusSeconds(1).toInstant()
                : assessments.stream().map(ComplianceData.Assessment::assessedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Snapshot snapshot = Snapshot.of(focusYear, assessments);
        String name = country == null ? null : Allies.get().nameOf(country);
        List<ComplianceData.Plan> plans = compliance.plans(figuresAsOf).stream()
                .filter(p -> country == null || p.country().equals(country)).toList();
        return new BriefingData(country, name, period, asOf, cutoff, focusYear, alliance, assessments, ruleSets,
                snapshot.changesSince(previous, 25), snapshot,
                wholeAlliance ? burden(assessments, figuresAsOf) : List.of(), plans, figuresAsOf, editions,
                NatoAggregates.newestOf(editions.loaded()).orElse(null));
    }

    /** The Alliance totals of each year in which some nation reported amounts with a USD rate, oldest first. */
    private List<ComplianceData.Alliance> burden(List<ComplianceData.Assessment> assessments, LocalDate figuresAsOf) {
        return assessments.stream().filter(a -> a.analyst().map(m -> m.usd() != null).orElse(false))
                .map(ComplianceData.Assessment::year).distinct().sorted()
                .map(year -> compliance.alliance(year, figuresAsOf)).toList();
    }

    /**
     * The year an Alliance briefing is about when none is asked for: the latest year, up to the current one, in which
     * most Allies (more than half of those with armed forces that year) are assessed — so a few early budgets for next
     * year do not make a briefing of three nations, and a new edition's estimates move it on. When no year has a
     * majority, the latest of the best-covered years.
     */
    static int focusYear(List<ComplianceData.Assessment> assessments, int current) {
        Map<Integer, Long> perYear = assessedPerYear(assessments, current);
        if (perYear.isEmpty()) {
            return Math.min(current, Allies.LAST_YEAR);
        }
        return perYear.entrySet().stream().filter(e -> 2 * e.getValue() > assessable(e.getKey()))
                .mapToInt(Map.Entry::getKey).max()
                .orElseGet(() -> {
                    long best = perYear.values().stream().mapToLong(Long::longValue).max().orElse(0);
                    return perYear.entrySet().stream().filter(e -> e.getValue() == best).mapToInt(Map.Entry::getKey)
                            .max().orElse(current);
                });
    }

    /** A nation's briefing is about its latest assessed year up to the current one. */
    static int nationFocusYear(List<ComplianceData.Assessment> assessments, int current) {
        return assessedPerYear(assessments, current).keySet().stream().mapToInt(Integer::intValue).max()
                .orElse(Math.min(current, Allies.LAST_YEAR));
    }

    private static Map<Integer, Long> assessedPerYear(List<ComplianceData.Assessment> assessments, int current) {
        return assessments.stream().filter(ComplianceData.Assessment::assessed).filter(a -> a.year() <= current)
                .collect(Collectors.groupingBy(ComplianceData.Assessment::year, Collectors.counting()));
    }

    /** The Allies that can be assessed in {@code year}: members by then, with armed forces. */
    private static long assessable(int year) {
        return Allies.get().all().stream().filter(a -> a.isAllyIn(year)).filter(Ally::isAssessed).count();
    }
}
