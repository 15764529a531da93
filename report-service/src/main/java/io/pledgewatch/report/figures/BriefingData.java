package io.pledgewatch.report.figures;

import io.pledgewatch.report.compliance.ComplianceData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything one briefing shows, gathered before rendering starts so that the PDF and the tables are drawn from one
 * fixed picture. It knows nothing of the briefing's lifecycle: the renderers need only this.
 *
 * @param country        the nation of a national briefing; {@code null} for the Alliance's
 * @param asOf           when the briefing was drawn up
 * @param assessments    every assessment in scope (all nations and years for the Alliance, one nation's years otherwise)
 * @param changes        what changed since the previous briefing of the same kind, as sentences
 * @param snapshot       the key figures shown, kept with the briefing for the next one's "what changed"
 * @param burden         the Alliance summary of every year whose totals rest on at least one nation (burden sharing)
 * @param plans          the Hague annual plans in scope (every Ally's, or the one nation's)
 * @param figuresAsOf    the day whose figures the briefing shows (compliance's answers as of its end); null: now
 * @param editions       NATO's editions loaded as of that day and what the latest restated
 * @param natoAggregates NATO's own Europe+Canada and Alliance % of GDP from the newest loaded edition that has them;
 *                       null when none has
 */
public record BriefingData(String country, String countryName, String period, Instant asOf,
                           Instant dataCutoff, int focusYear, ComplianceData.Alliance alliance,
                           List<ComplianceData.Assessment> assessments, List<ComplianceData.RuleSet> ruleSets,
                           List<String> changes, Snapshot snapshot, List<ComplianceData.Alliance> burden,
                           List<ComplianceData.Plan> plans, LocalDate figuresAsOf, ComplianceData.Editions editions,
                           NatoAggregates natoAggregates) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public BriefingData(String country, String countryName, String period, Instant asOf, Instant dataCutoff,
                        int focusYear, ComplianceData.Alliance alliance, List<ComplianceData.Assessment> assessments,
                        List<ComplianceData.RuleSet> ruleSets, List<String> changes, Snapshot snapshot) {
        this(country, countryName, period, asOf, dataCutoff, focusYear, alliance, assessments, ruleSets, changes,
                snapshot, List.of(), List.of());
    }

    public BriefingData(String country, String countryName, String period, Instant asOf, Instant dataCutoff,
                        int focusYear, ComplianceData.Alliance alliance, List<ComplianceData.Assessment> assessments,
                        List<ComplianceData.RuleSet> ruleSets, List<String> changes, Snapshot snapshot,
                        List<ComplianceData.Alliance> burden, List<ComplianceData.Plan> plans) {
        this(country, countryName, period, asOf, dataCutoff, focusYear, alliance, assessments, ruleSets, changes,
                snapshot, burden, plans, null, ComplianceData.Editions.NONE, null);
    }

    /** The year the figures stand in: that of {@link #figuresAsOf}, else of the briefing's own time. */
    public int currentYear() {
        return figuresAsOf != null ? figuresAsOf.getYear() : asOf.atZone(ZoneOffset.UTC).getYear();
    }

    /**
     * The year the analyst pages are about: the latest year, up to the focus year or the current one, in which some
     * nation reported amounts or NATO published measures beside its ratio; the focus year when none did.
     */
    public int measuresYear() {
        int limit = Math.max(focusYear, currentYear());
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
                .sorted(Comparator.comparingInt(ComplianceData.Assessment::year)).toList();
    }

    /**
     * The editions the focus year's published figures rest on, newest first: those that are the source of a focus-year
     * assessment of a published ratio.
     */
    public List<ComplianceData.Edition> focusEditions() {
        Set<String> sources = ofYear(focusYear).stream().filter(a -> "PUBLISHED_RATIO".equals(a.kind()) && a.source() != null)
                .map(ComplianceData.Assessment::source).collect(Collectors.toSet());
        return editions.loaded().stream().filter(e -> e.source() != null && sources.contains(e.source())).toList();
    }

    /** An edition as staff cite it: "NATO, Defence Investment of NATO Countries (2014-2026), 7 July 2026". */
    public static String cite(ComplianceData.Edition e) {
        String source = e.source() == null ? "" : e.source().trim();
        return (source.startsWith("NATO") ? "" : "NATO, ") + source
                + (e.publishedOn() == null ? "" : ", " + day(e.publishedOn()));
    }

    /** A day as a reader writes it: "28 August 2025". */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }
}
