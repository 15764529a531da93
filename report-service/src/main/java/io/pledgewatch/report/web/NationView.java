package io.pledgewatch.report.web;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import io.pledgewatch.report.compliance.ComplianceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One nation's page: its series 2014–2035 (chart and table, the plan's two paths beside), every target's status in one
 * year, its plan's verdict and first shortfall, and what a credible plan needs.
 */
record NationView(String iso3, String name, int year, List<SeriesRow> series, List<String> sources, List<TargetRow> targets,
                  PlanView plan, List<RequiredRow> requirements, String requirementsNote) {

    record SeriesRow(int year, String status, Figures.Source source, Figures.Cell core, Figures.Cell hague, Figures.Cell path35,
                     Figures.Cell path5) {
    }

    record TargetRow(String ruleSet, String target, String value, String threshold, String path, String status,
                     String gapToPath, String gapToTarget) {
    }

    record RequiredRow(int year, String gdp, String gdpSource, String core, String coreAmount, String hague, String hagueAmount) {
    }

    /** A verdict, stored or checked: credible or not, the first shortfall's sentence, each year against both paths. */
    record PlanView(boolean credible, boolean hasFigures, List<String> failedChecks, String shortfallYear,
                    String shortfall, List<PlanYearRow> years) {

        static PlanView of(ComplianceData.Plan p) {
            if (p == null) {
                return null;
            }
            List<String> failed = new ArrayList<>();
            if (p.checks() != null) {
                if (!p.checks().complete()) {
                    failed.add("complete: not every year 2026–2035 has amounts");
                }
                if (!p.checks().incremental()) {
                    failed.add("incremental: a year falls below the year before");
                }
                if (!p.checks().onPath()) {
                    failed.add("on path: a year is below a path to 3.5 % or 5 %");
                }
                if (!p.checks().reaches2035()) {
                    failed.add("reaches 2035: 3.5 % core and 5 % in all by 2035");
                }
            }
            ComplianceData.Shortfall s = p.firstShortfall();
            List<PlanYearRow> years = p.years() == null ? List.of() : p.years().stream().map(y -> new PlanYearRow(y.year(),
                    y.status() == null ? Figures.NOT_REPORTED : Figures.status(y.status()), Figures.Cell.pct(y.core()),
                    Figures.Cell.pct(y.path35()), Figures.status(y.coreStatus()), Figures.Cell.pct(y.hague()),
                    Figures.Cell.pct(y.path5()), Figures.status(y.totalStatus()))).toList();
            return new PlanView(p.credible(), p.hasFigures(), failed, s == null ? null : Integer.toString(s.year()),
                    s == null ? null : s.detail(), years);
        }
    }

    record PlanYearRow(int year, String status, Figures.Cell core, Figures.Cell path35, String coreStatus, Figures.Cell hague,
                       Figures.Cell path5, String totalStatus) {
    }

    static NationView of(Ally ally, Integer requestedYear, ComplianceData.Series series, List<ComplianceData.Assessment> assessments,
                         ComplianceData.Plan plan, ComplianceData.Requirements requirements, String requirementsNote,
                         Map<Integer, WebData.Revision> revisions) {
        Map<Integer, ComplianceData.SeriesPoint> points = series == null || series.years() == null ? Map.of()
                : series.years().stream().collect(Collectors.toMap(ComplianceData.SeriesPoint::year, Function.identity(), (a, b) -> b));
        Map<Integer, ComplianceData.PlanYear> planYears = plan == null || plan.years() == null ? Map.of()
                : plan.years().stream().collect(Collectors.toMap(ComplianceData.PlanYear::year, Function.identity(), (a, b) -> b));
        List<SeriesRow> rows = new ArrayList<>();
        for (int y = Math.max(Allies.FIRST_YEAR, ally.accessionYear()); y <= Allies.LAST_YEAR; y++) {
            ComplianceData.SeriesPoint p = points.get(y);
            ComplianceData.PlanYear py = planYears.get(y);
            rows.add(new SeriesRow(y, p == null ? Figures.NOT_REPORTED : Figures.status(p.status()),
                    p == null ? Figures.Source.NONE : Figures.source(p.kind(), p.revision(), revisions.get(y)),
                    Figures.Cell.pct(p == null ? null : p.core()), Figures.Cell.pct(p == null ? null : p.hague()),
                    py == null ? Figures.Cell.NONE : Figures.Cell.pct(py.path35()),
                    py == null ? Figures.Cell.NONE : Figures.Cell.pct(py.path5())));
        }
        int year = requestedYear != null ? requestedYear : latestAssessed(points, java.time.Year.now().getValue());
        Optional<ComplianceData.Assessment> assessed = assessments.stream().filter(a -> a.year() == year).findFirst();
        List<TargetRow> targets = assessed.map(a -> a.targets() == null ? List.<TargetRow>of() : a.targets().stream()
                .map(t -> new TargetRow(t.ruleSet(), t.target(), Figures.pct(t.value()), Figures.pct(t.threshold()),
                        t.path() == null ? "–" : Figures.pct(t.path()), Figures.status(t.status()), gap(t.gapToPath()),
                        gap(t.gapToTarget())))
                .toList()).orElse(List.of());
        List<RequiredRow> required = requirements == null || requirements.years() == null ? List.of()
                : requirements.years().stream().map(r -> new RequiredRow(r.year(), Figures.money(r.gdp(), r.currency()),
                        gdpSource(r, requirements.gdpGrowth()), Figures.pct(r.core()), Figures.money(r.coreAmount(), r.currency()),
                        Figures.pct(r.hague()), Figures.money(r.hagueAmount(), r.currency()))).toList();
        return new NationView(ally.iso3(), ally.name(), year, rows, Figures.sourcesOf(rows.stream().map(SeriesRow::source)), targets,
                PlanView.of(plan), required, requirementsNote);
    }

    /** The latest year up to {@code thisYear} with a core figure; else the latest with any. */
    static int latestAssessed(Map<Integer, ComplianceData.SeriesPoint> points, int thisYear) {
        return points.values().stream().filter(p -> p.core() != null && p.year() <= thisYear)
                .mapToInt(ComplianceData.SeriesPoint::year).max()
                .orElse(points.keySet().stream().mapToInt(Integer::intValue).max().orElse(thisYear));
    }

    private static String gdpSource(ComplianceData.RequiredYear r, java.math.BigDecimal growth) {
        if ("revision".equals(r.gdpSource())) {
            return "the nation's figures for " + r.year();
        }
        if ("grown".equals(r.gdpSource())) {
            return (r.gdpFromYear() == null ? "grown" : "grown from " + r.gdpFromYear())
                    + (growth == null ? "" : " at " + growth.stripTrailingZeros().toPlainString() + " % a year");
        }
        return Figures.NOT_REPORTED;
    }

    private static String gap(ComplianceData.Gap g) {
        if (g == null || g.points() == null) {
            return "–";
        }
        String points = g.points().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " pts";
        return g.amount() == null ? points : points + " (" + Figures.money(g.amount(), g.currency()) + ")";
    }
}
