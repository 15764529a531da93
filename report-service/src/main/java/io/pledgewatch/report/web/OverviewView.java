package io.pledgewatch.report.web;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import io.pledgewatch.report.compliance.ComplianceData;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The overview page for one year: the Alliance's counts, core % by nation against the 2 % and 3.5 % lines (a chart
 * drawn from the table), burden sharing, and how many plans are credible.
 */
record OverviewView(int year, String asOf, List<Integer> years, List<Figure> counts, List<NationRow> nations,
                    List<Figure> burden, List<Figure> plans, String coverage, List<String> sources) {

    /** A labelled key figure. */
    record Figure(String label, String value) {
    }

    /** One Ally in the year: core % and Hague % with where they come from; "not reported" where absent. */
    record NationRow(String iso3, String name, Figures.Cell core, Figures.Cell hague, String status, Figures.Source source) {
    }

    /**
     * The year shown when none is asked for: the one with most Allies assessed, the latest of those (a year ahead that
     * a few delegations have planned does not win over the year NATO's latest edition covers).
     */
    static int defaultYear(List<ComplianceData.Assessment> assessments, int fallback) {
        Map<Integer, Long> assessed = assessments.stream().filter(a -> a.assessed() && a.values() != null && a.values().core() != null)
                .collect(Collectors.groupingBy(ComplianceData.Assessment::year, TreeMap::new, Collectors.counting()));
        return assessed.entrySet().stream()
                .max(Comparator.<Map.Entry<Integer, Long>>comparingLong(Map.Entry::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(fallback);
    }

    static OverviewView of(int year, String asOf, List<ComplianceData.Assessment> ofTheYear, ComplianceData.Alliance alliance,
                           Map<String, WebData.Revision> revisions) {
        Map<String, ComplianceData.Assessment> byNation = ofTheYear.stream().filter(a -> a.year() == year)
                .collect(Collectors.toMap(ComplianceData.Assessment::country, Function.identity(), (a, b) -> b));
        List<NationRow> rows = Allies.get().all().stream().filter(Ally::isAssessed).filter(a -> a.isAllyIn(year))
                .map(ally -> row(ally, byNation.get(ally.iso3()), revisions.get(ally.iso3())))
                .sorted(Comparator.comparing((NationRow r) -> r.core().value().isEmpty())
                        .thenComparing(r -> r.core().value().isEmpty() ? BigDecimal.ZERO : new BigDecimal(r.core().value()),
                                Comparator.reverseOrder())
                        .thenComparing(NationRow::name))
                .toList();
        List<Integer> years = java.util.stream.IntStream.rangeClosed(Allies.FIRST_YEAR, Allies.LAST_YEAR).boxed().toList();
        return new OverviewView(year, asOf, years, counts(alliance), rows, burden(alliance), plans(alliance), coverage(alliance),
                Figures.sourcesOf(rows.stream().map(NationRow::source)));
    }

    private static NationRow row(Ally ally, ComplianceData.Assessment a, WebData.Revision revision) {
        if (a == null || a.values() == null) {
            return new NationRow(ally.iso3(), ally.name(), Figures.Cell.pct(null), Figures.Cell.pct(null), Figures.NOT_REPORTED,
                    Figures.Source.NONE);
        }
        return new NationRow(ally.iso3(), ally.name(), Figures.Cell.pct(a.values().core()), Figures.Cell.pct(a.values().hague()),
                Figures.status(a.submissionStatus()), Figures.source(a.kind(), a.revision(), revision));
    }

    private static List<Figure> counts(ComplianceData.Alliance a) {
        return List.of(new Figure("Allies assessed", Figures.count(a.assessed())),
                new Figure("At or above 2 % (core)", Figures.count(a.atOrAbove2())),
                new Figure("At or above 3.5 % (core)", Figures.count(a.atOrAbove3_5())),
                new Figure("At or above 5 % (Hague total)", Figures.count(a.atOrAbove5())),
                new Figure("Median core", Figures.pct(a.medianCore())),
                new Figure("Mean core", Figures.pct(a.meanCore())));
    }

    private static List<Figure> burden(ComplianceData.Alliance a) {
        ComplianceData.Totals t = a.totals();
        if (t == null) {
            return List.of(new Figure("Europe and Canada", Figures.NOT_REPORTED), new Figure("United States", Figures.NOT_REPORTED));
        }
        return List.of(group("Alliance", t.alliance()), group("Europe and Canada", t.europeCanada()),
                group("United States", t.unitedStates()),
                new Figure("Europe and Canada per US dollar", Figures.ratio(t.europeCanadaToUs())));
    }

    private static Figure group(String label, ComplianceData.Group g) {
        if (g == null || g.nations() == 0) {
            return new Figure(label, Figures.NOT_REPORTED);
        }
        return new Figure(label, Figures.usdBillions(g.defenceUsd()) + " (" + Figures.pct(g.pctOfGdp()) + " of GDP, "
                + g.nations() + (g.nations() == 1 ? " nation" : " nations") + ")");
    }

    private static List<Figure> plans(ComplianceData.Alliance a) {
        ComplianceData.PlanCounts p = a.plans();
        return p == null ? List.of(new Figure("Plans", Figures.NOT_REPORTED))
                : List.of(new Figure("Credible", Integer.toString(p.credible())),
                        new Figure("Not credible", Integer.toString(p.notCredible())), new Figure("None", Integer.toString(p.none())));
    }

    private static String coverage(ComplianceData.Alliance a) {
        ComplianceData.Coverage c = a.coverage();
        return c == null ? null : "USD totals rest on " + c.withUsdRate() + " nation(s) with amounts and an exchange rate; "
                + c.ratioOnly() + " nation(s) have only NATO's published ratio.";
    }
}
