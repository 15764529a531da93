package io.pledgewatch.report.figures;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.report.compliance.ComplianceData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key figures a briefing showed, kept with it so the next briefing can say what changed. Small on
 * purpose: per nation and year, the revision and the figures an analyst compares.
 */
@RegisterForReflection
public record Snapshot(int focusYear, Map<String, Figure> figures) {

    public record Figure(int revision, BigDecimal core, BigDecimal hague, BigDecimal score, String coreStatus) {
    }

    public static Snapshot of(int focusYear, List<ComplianceData.Assessment> assessments) {
        Map<String, Figure> figures = new TreeMap<>();
        for (ComplianceData.Assessment a : assessments) {
            if (!a.assessed() || a.values() == null) {
                continue;
            }
            ComplianceData.Target wales = a.target("wales-2014", "core");
            figures.put(a.country() + " " + a.year(), new Figure(a.revision(), a.values().core(), a.values().hague(),
                    a.score(), wales == null ? null : wales.status()));
        }
        return new Snapshot(focusYear, figures);
    }

    /** Sentences describing the differences from {@code previous}, most relevant first, at most {@code max}. */
    public List<String> changesSince(Snapshot previous, int max) {
        List<String> out = new ArrayList<>();
        if (previous == null) {
            out.add("This is the first briefing of its kind: there is no earlier briefing to compare with.");
            return out;
        }
        int added = 0;
        int revised = 0;
        List<String> details = new ArrayList<>();
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            Figure before = previous.figures().get(e.getKey());
            Figure now = e.getValue();
            if (before == null) {
                added++;
                details.add(name(e.getKey()) + ": new, core " + pct(now.core()) + (now.coreStatus() == null ? ""
                        : " (2% " + now.coreStatus().replace('_', ' ').toLowerCase() + ")") + ".");
            } else if (before.revision() != now.revision() || before.core().compareTo(now.core()) != 0) {
                revised++;
                details.add(name(e.getKey()) + ": revision " + before.revision() + " → " + now.revision() + ", core "
                        + pct(before.core()) + " → " + pct(now.core()) + ", score " + num(before.score()) + " → "
                        + num(now.score()) + ".");
            }
        }
        List<String> removed = previous.figures().keySet().stream().filter(k -> !figures.containsKey(k)).toList();
        out.add(added + " nation-year(s) newly assessed, " + revised + " revised, " + removed.size()
                + " no longer assessed since the previous briefing.");
        if (details.isEmpty() && removed.isEmpty()) {
            out.add("No figures changed.");
        }
        details.stream().limit(max).forEach(out::add);
        if (details.size() > max) {
            out.add("… and " + (details.size() - max) + " more changes (see the nation pages).");
        }
        return out;
    }

    private static String name(String key) {
        String[] parts = key.split(" ");
        return Allies.get().nameOf(parts[0]) + " " + parts[1];
    }

    private static String pct(BigDecimal v) {
        return v == null ? "n/a" : v.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String num(BigDecimal v) {
        return v == null ? "n/a" : v.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
