package io.pledgewatch.report.pdf;

import io.pledgewatch.report.compliance.ComplianceData.RuleSet;
import io.pledgewatch.report.compliance.ComplianceData.TargetRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The methodology's words for the rule sets in force when a briefing was drawn. Rule sets are versioned data that
 * staff can change, so their thresholds, years and baseline are read from them here, never written into the text.
 */
final class Methodology {

    private Methodology() {
    }

    /** "credited% = min(related%, 1.5)" with the cap of the rule set that credits related spending. */
    static Optional<String> creditedFormula(List<RuleSet> ruleSets) {
        return ruleSets.stream().filter(r -> r.relatedCap() != null).findFirst()
                .map(r -> "credited% = min(related%, " + plain(r.relatedCap()) + ")        hague% = core% + credited%");
    }

    /** One paragraph per rule set: its targets, years and, for paths, how the path is drawn. */
    static List<String> ruleParagraphs(List<RuleSet> ruleSets) {
        return ruleSets.stream().map(Methodology::paragraph).toList();
    }

    private static String paragraph(RuleSet r) {
        String years = r.title() + " (years " + r.firstYear() + "–" + r.lastYear() + "): ";
        List<TargetRule> fixed = r.targets().stream().filter(t -> "FIXED".equals(t.kind())).toList();
        List<TargetRule> path = r.targets().stream().filter(t -> "PATH".equals(t.kind())).toList();
        StringBuilder text = new StringBuilder(years);
        if (!fixed.isEmpty()) {
            text.append(fixed.stream().map(t -> "target " + t.target() + " " + plain(t.threshold()) + " ("
                            + measure(t) + " ≥ " + plain(t.threshold()) + ")")
                    .collect(Collectors.joining(" and "))).append("; status met or not met.");
        }
        if (!path.isEmpty()) {
            if (!fixed.isEmpty()) {
                text.append(' ');
            }
            int span = r.dueYear() - r.baselineYear();
            text.append(path.stream().map(t -> "target " + t.target() + " " + plain(t.threshold()) + " (on " + measure(t) + ")")
                            .collect(Collectors.joining(" and ")))
                    .append(", due in ").append(r.dueYear()).append(" on a linear path from the nation's own ")
                    .append(r.baselineYear()).append(" value B (its current ").append(r.baselineYear())
                    .append(" figures; where there are none, B = ").append(plain(r.defaultBaseline()))
                    .append(" and the assessment says so): path(y) = T if B ≥ T, otherwise B + (T − B) × (y − ")
                    .append(r.baselineYear()).append(") / ").append(span)
                    .append(". Status: met if the value ≥ T; on path if the value ≥ path(y); below path otherwise.");
        }
        return text.toString();
    }

    private static String measure(TargetRule t) {
        return switch (t.measure()) {
            case "CORE" -> "core%";
            case "EQUIPMENT" -> "equipment%";
            case "CORE_PLUS_RELATED" -> "hague%";
            default -> t.measure().toLowerCase();
        };
    }

    private static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 1 ? v.setScale(1) : v).toPlainString();
    }
}
