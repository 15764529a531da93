package io.pledgewatch.report.export;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.report.compliance.ComplianceData;
import io.pledgewatch.report.figures.BriefingData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A briefing's tables, taken from the same data its PDF was drawn from and stored beside the PDF, so that a
 * workbook or a CSV never disagrees with it. Cells are kept as text (exact decimals, ISO instants) with a type per
 * column; the writers turn them into typed cells. An empty cell is a figure not reported.
 */
@RegisterForReflection
public record BriefingTables(About about, List<Table> tables) {

    public static final List<String> KEYS = List.of("alliance", "measures", "plans", "series");

    public enum Type { TEXT, INTEGER, NUMBER, PERCENT, MONEY }

    public record Column(String name, Type type) {
    }

    public record Table(String key, String title, List<Column> columns, List<List<String>> rows) {
    }

    /** @param figuresAsOf the day whose figures the briefing shows; null: those current when it was drawn up */
    public record About(String title, String period, Instant asOf, Instant dataCutoff, int focusYear, int measuresYear,
                        List<String> ruleSets, List<String> sources, LocalDate figuresAsOf) {
    }

    public Optional<Table> table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public static BriefingTables of(BriefingData data, String title) {
        List<String> ruleSets = data.ruleSets().stream().map(r -> r.id() + " version " + r.version() + ": " + r.title())
                .toList();
        List<String> sources = new ArrayList<>(List.of("National delegations' submissions through Pledgewatch"));
        data.editions().loaded().stream().map(BriefingData::cite).forEach(sources::add);
        About about = new About(title, data.period(), data.asOf(), data.dataCutoff(), data.focusYear(), data.measuresYear(),
                ruleSets, sources, data.figuresAsOf());
        return new BriefingTables(about, List.of(alliance(data), measures(data), plans(data), series(data)));
    }

    static Table alliance(BriefingData data) {
        List<List<String>> rows = new ArrayList<>();
        for (ComplianceData.Assessment a : byName(data.ofYear(data.focusYear()))) {
            ComplianceData.Values v = a.values();
            ComplianceData.Target wc = a.target("wales-2014", "core");
            ComplianceData.Target we = a.target("wales-2014", "equipment");
            ComplianceData.Target hc = a.target("hague-2025", "core");
            ComplianceData.Target ht = a.target("hague-2025", "total");
            rows.add(row(Allies.get().nameOf(a.country()), a.country(), a.kind(), a.submissionStatus(), a.revision(),
                    v == null ? null : v.core(), v == null ? null : v.related(), v == null ? null : v.hague(),
                    v == null ? null : v.equipment(), path(hc), path(ht), status(wc), status(we), status(hc), status(ht),
                    gap(hc), gap(ht), hc == null || hc.gapToPath() == null ? null : hc.gapToPath().currency(), a.score(),
                    a.assessed() ? null : a.notAssessedReason()));
        }
        return new Table("alliance", "Alliance table " + data.focusYear(), columns(
                "nation", Type.TEXT, "iso3", Type.TEXT, "kind", Type.TEXT, "status", Type.TEXT, "revision", Type.INTEGER,
                "core_pct", Type.PERCENT, "related_pct", Type.PERCENT, "hague_pct", Type.PERCENT,
                "equipment_pct", Type.PERCENT, "path_3_5_pct", Type.PERCENT, "path_5_pct", Type.PERCENT,
                "wales_core", Type.TEXT, "wales_equipment", Type.TEXT, "hague_core", Type.TEXT, "hague_total", Type.TEXT,
                "gap_to_3_5_path", Type.MONEY, "gap_to_5_path", Type.MONEY, "gap_currency", Type.TEXT,
                "score", Type.NUMBER, "not_assessed_because", Type.TEXT), rows);
    }

    static Table measures(BriefingData data) {
        int year = data.measuresYear();
        List<List<String>> rows = new ArrayList<>();
        for (ComplianceData.Assessment a : byName(data.ofYear(year))) {
            if (!a.assessed()) {
                continue;
            }
            ComplianceData.Measures m = a.analyst().orElse(null);
            ComplianceData.Shares s = m == null ? null : m.shares();
            rows.add(row(Allies.get().nameOf(a.country()), a.country(), year,
                    s == null ? null : s.equipment(), s == null ? null : s.personnel(),
                    s == null ? null : s.infrastructure(), s == null ? null : s.other(),
                    m == null ? null : m.realChange(), m == null ? null : m.constant(), a.currency(),
                    m == null || m.ukraine() == null ? null : m.ukraine().pctOfDefence(),
                    m == null || m.ukraine() == null ? null : m.ukraine().pctOfGdp(),
                    m == null || m.usd() == null ? null : m.usd().defence(), m == null || m.usd() == null ? null : m.usd().gdp(),
                    m == null ? null : m.perCapitaUsd(), m == null ? null : m.perSoldierUsd(),
                    m == null ? "amounts (a published ratio carries none)" : String.join(", ", m.missing()),
                    measuresFrom(a)));
        }
        return new Table("measures", "Measures " + year, columns(
                "nation", Type.TEXT, "iso3", Type.TEXT, "year", Type.INTEGER, "equipment_share_pct", Type.PERCENT,
                "personnel_share_pct", Type.PERCENT, "infrastructure_share_pct", Type.PERCENT,
                "other_share_pct", Type.PERCENT, "real_change_pct", Type.PERCENT, "defence_2021_prices", Type.MONEY,
                "currency", Type.TEXT, "ukraine_pct_of_defence", Type.PERCENT, "ukraine_pct_of_gdp", Type.PERCENT,
                "defence_usd", Type.MONEY, "gdp_usd", Type.MONEY, "per_capita_usd", Type.NUMBER,
                "per_soldier_usd", Type.NUMBER, "not_reported_because", Type.TEXT, "measures_from", Type.TEXT), rows);
    }

    static Table plans(BriefingData data) {
        List<List<String>> rows = new ArrayList<>();
        for (ComplianceData.Plan p : data.plans().stream().sorted(Comparator.comparing(ComplianceData.Plan::name)).toList()) {
            boolean figures = p.hasFigures();
            ComplianceData.Shortfall f = p.firstShortfall();
            rows.add(row(p.name(), p.country(), !figures ? "no figures" : p.credible() ? "credible" : "not credible",
                    figures ? yes(p.checks().complete()) : null, figures ? yes(p.checks().incremental()) : null,
                    figures ? yes(p.checks().onPath()) : null, figures ? yes(p.checks().reaches2035()) : null,
                    f == null ? null : f.year(), f == null ? null : f.check(), f == null ? null : f.detail()));
        }
        return new Table("plans", "Hague plans", columns("nation", Type.TEXT, "iso3", Type.TEXT, "verdict", Type.TEXT,
                "complete", Type.TEXT, "incremental", Type.TEXT, "on_path", Type.TEXT, "reaches_2035", Type.TEXT,
                "first_shortfall_year", Type.INTEGER, "first_shortfall_check", Type.TEXT, "first_shortfall", Type.TEXT), rows);
    }

    static Table series(BriefingData data) {
        List<List<String>> rows = new ArrayList<>();
        List<ComplianceData.Assessment> all = data.assessments().stream()
                .sorted(Comparator.comparing((ComplianceData.Assessment a) -> Allies.get().nameOf(a.country()))
                        .thenComparingInt(ComplianceData.Assessment::year)).toList();
        for (ComplianceData.Assessment a : all) {
            ComplianceData.Values v = a.values();
            ComplianceData.Measures m = a.analyst().orElse(null);
            rows.add(row(Allies.get().nameOf(a.country()), a.country(), a.year(), a.kind(), v == null ? null : v.core(),
                    v == null ? null : v.hague(), v == null ? null : v.equipment(), a.score(),
                    m == null ? null : m.realChange(), m == null ? null : m.perCapitaUsd(),
                    m == null || m.usd() == null ? null : m.usd().defence(), measuresFrom(a)));
        }
        return new Table("series", "Series", columns("nation", Type.TEXT, "iso3", Type.TEXT, "year", Type.INTEGER,
                "kind", Type.TEXT, "core_pct", Type.PERCENT, "hague_pct", Type.PERCENT, "equipment_pct", Type.PERCENT,
                "score", Type.NUMBER, "real_change_pct", Type.PERCENT, "per_capita_usd", Type.NUMBER,
                "defence_usd", Type.MONEY, "measures_from", Type.TEXT), rows);
    }

    /** Whose the row's measures are: NATO's published figures, the suite's computation from amounts, or none. */
    private static String measuresFrom(ComplianceData.Assessment a) {
        return a.analyst().map(m -> m.published() ? "NATO published" : "computed from amounts").orElse(null);
    }

    private static List<ComplianceData.Assessment> byName(List<ComplianceData.Assessment> list) {
        return list.stream().sorted(Comparator.comparing(a -> Allies.get().nameOf(a.country()))).toList();
    }

    private static BigDecimal path(ComplianceData.Target t) {
        return t == null ? null : t.path();
    }

    private static String status(ComplianceData.Target t) {
        return t == null ? null : t.status();
    }

    private static BigDecimal gap(ComplianceData.Target t) {
        return t == null || t.gapToPath() == null ? null : t.gapToPath().amount();
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static List<Column> columns(Object... nameType) {
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < nameType.length; i += 2) {
            out.add(new Column((String) nameType[i], (Type) nameType[i + 1]));
        }
        return out;
    }

    private static final Function<Object, String> TEXT = v -> v == null ? null
            : v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();

    private static List<String> row(Object... cells) {
        return Arrays.stream(cells).map(TEXT).toList();
    }
}
