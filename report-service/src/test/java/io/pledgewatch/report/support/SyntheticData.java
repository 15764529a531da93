package io.pledgewatch.report.support;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import io.pledgewatch.report.compliance.ComplianceData;
import io.pledgewatch.report.figures.BriefingData;
import io.pledgewatch.report.figures.Snapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plausible briefing data without running the suite: for the renderer's tests and its benchmark. Nations are the
 * 32 Allies, or for larger sets additional synthetic nations (codes X001…) beside them.
 */
public final class SyntheticData {

    private SyntheticData() {
    }

    public static BriefingData alliance(int nations, int firstYear, int lastYear, long seed) {
        Random random = new Random(seed);
        List<String> codes = new ArrayList<>(Allies.get().all().stream().map(Ally::iso3).toList());
        for (int i = 1; codes.size() < nations; i++) {
            codes.add(String.format("X%03d", i));
        }
        codes = codes.subList(0, nations);
        List<ComplianceData.Assessment> list = new ArrayList<>();
        for (String code : codes) {
            double base = 1.0 + random.nextDouble() * 2.5;
            for (int year = firstYear; year <= lastYear; year++) {
                double core = base + (year - firstYear) * 0.08 + random.nextDouble() * 0.2;
                list.add(assessment(code, year, core, 12 + random.nextDouble() * 25, random.nextDouble() * 0.8));
            }
        }
        int focus = Math.min(lastYear, 2025);
        List<ComplianceData.Assessment> focusYear = list.stream().filter(a -> a.year() == focus && a.assessed()).toList();
        int at2 = (int) focusYear.stream().filter(a -> a.values().core().doubleValue() >= 2).count();
        int at35 = (int) focusYear.stream().filter(a -> a.values().core().doubleValue() >= 3.5).count();
        ComplianceData.Alliance alliance = new ComplianceData.Alliance(focus, focusYear.size(), at2, at35, 0,
                focusYear.size(), focusYear.size(), new BigDecimal("2.5"), new BigDecimal("2.6"),
                new ComplianceData.Usd(new BigDecimal("480000000000"), new BigDecimal("980000000000"), 2, 0),
                List.of("ISL"), List.of(), "wales-2014=1,hague-2025=1");
        return new BriefingData(null, null, "2026-11-23T06:00:00Z", Instant.parse("2026-11-23T06:00:05Z"),
                Instant.parse("2026-11-23T05:59:00Z"), focus, alliance, list, ruleSets(),
                List.of("This is the first briefing of its kind: there is no earlier briefing to compare with."),
                Snapshot.of(focus, list));
    }

    public static ComplianceData.Assessment assessment(String code, int year, double core, double equipment, double related) {
        if ("ISL".equals(code)) {
            return new ComplianceData.Assessment(code, year, 1, "AMOUNTS", "BUDGET", "ISK", null, false,
                    "Iceland has no armed forces and is not assessed", Map.of(), null, null, List.of(), List.of(), null);
        }
        BigDecimal c = bd(core);
        BigDecimal r = bd(related);
        BigDecimal credited = r.min(new BigDecimal("1.5"));
        BigDecimal hague = c.add(credited);
        List<ComplianceData.Target> targets = new ArrayList<>();
        targets.add(new ComplianceData.Target("wales-2014", "core", c, bd(2), bd(2), core >= 2 ? "MET" : "NOT_MET",
                bd(Math.min(100, core / 2 * 100)), gap(2 - core), gap(2 - core)));
        targets.add(new ComplianceData.Target("wales-2014", "equipment", bd(equipment), bd(20), bd(20),
                equipment >= 20 ? "MET" : "NOT_MET", bd(Math.min(100, equipment / 20 * 100)), gap(20 - equipment), gap(20 - equipment)));
        ComplianceData.Baseline baseline = null;
        if (year >= 2025) {
            double path = 2.0 + 1.5 * (year - 2025) / 10.0;
            targets.add(new ComplianceData.Target("hague-2025", "core", c, bd(3.5), bd(path),
                    core >= 3.5 ? "MET" : core >= path ? "ON_PATH" : "BELOW_PATH", bd(Math.min(100, core / path * 100)),
                    gap(path - core), gap(3.5 - core)));
            double totalPath = 2.0 + 3.0 * (year - 2025) / 10.0;
            targets.add(new ComplianceData.Target("hague-2025", "total", hague, bd(5), bd(totalPath),
                    hague.doubleValue() >= 5 ? "MET" : hague.doubleValue() >= totalPath ? "ON_PATH" : "BELOW_PATH",
                    bd(Math.min(100, hague.doubleValue() / totalPath * 100)), gap(totalPath - hague.doubleValue()),
                    gap(5 - hague.doubleValue())));
            baseline = new ComplianceData.Baseline(bd(2.0), bd(2.0), code + " 2025 revision 1 (amounts)", false);
        }
        return new ComplianceData.Assessment(code, year, 1, "AMOUNTS", year <= 2023 ? "ACTUAL" : "BUDGET", "EUR",
                bd(90 + core), true, null, Map.of("wales-2014", "1"), baseline,
                new ComplianceData.Values(c, bd(equipment), r, credited, hague), targets, List.of(),
                Instant.parse("2026-11-23T05:59:00Z"));
    }

    private static ComplianceData.Gap gap(double points) {
        double p = Math.max(0, points);
        return new ComplianceData.Gap(bd(p), bd(p * 1_000_000_000L).setScale(0, RoundingMode.HALF_UP), "EUR");
    }

    private static BigDecimal bd(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
    }

    public static List<ComplianceData.RuleSet> ruleSets() {
        return List.of(
                new ComplianceData.RuleSet("wales-2014", "1", "Wales Summit Defence Investment Pledge (2014)", "Wales Summit Declaration",
                        2014, 2035, null, null, null, null, List.of()),
                new ComplianceData.RuleSet("hague-2025", "1", "The Hague Summit Declaration: 5% of GDP by 2035", "The Hague Summit Declaration",
                        2025, 2035, new BigDecimal("1.5"), 2025, new BigDecimal("2.0"), 2035, List.of()));
    }
}
