package io.pledgewatch.report.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How the console writes a figure and says where it comes from. A missing figure reads "not reported", never 0; a
 * percentage keeps its unrounded value beside the text, for the chart drawn from the table.
 */
final class Figures {

    static final String NOT_REPORTED = "not reported";

    private Figures() {
    }

    /** A table cell: the text a reader sees and, for charts, the number behind it (empty when there is none). */
    record Cell(String text, String value) {
        /** Where a figure does not apply (a path before the plan's years). */
        static final Cell NONE = new Cell("–", "");

        static Cell pct(BigDecimal v) {
            return v == null ? new Cell(NOT_REPORTED, "") : new Cell(Figures.pct(v), v.toPlainString());
        }
    }

    static String pct(BigDecimal v) {
        return v == null ? NOT_REPORTED : v.setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    static String count(Integer n) {
        return n == null ? NOT_REPORTED : n.toString();
    }

    /** Whole currency units with thousands separators: "EUR 4,790,000,000". */
    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return NOT_REPORTED;
        }
        String n = NumberFormat.getIntegerInstance(Locale.UK).format(amount.setScale(0, RoundingMode.HALF_UP));
        return currency == null ? n : currency + " " + n;
    }

    /** USD in billions, one decimal: "USD 1,234.5 bn". */
    static String usdBillions(BigDecimal amount) {
        if (amount == null) {
            return NOT_REPORTED;
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return "USD " + f.format(amount.movePointLeft(9)) + " bn";
    }

    static String ratio(BigDecimal v) {
        return v == null ? NOT_REPORTED : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** MET, ON_PATH, ... as a reader says them. */
    static String status(String s) {
        return s == null ? NOT_REPORTED : s.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * Where a year's figures come from, in a word for the table ({@code label}) and in full ({@code detail}, the
     * import's source or the revision's note): NATO's edition, a delegation's submission, the illustrative demo set, or
     * staff's import. {@code revision} is ingest's current revision of the key, used only when it is the one compliance
     * assessed ({@code assessedRevision}); otherwise only the kind is known.
     */
    record Source(String label, String detail) {
        static final Source NONE = new Source(NOT_REPORTED, null);
    }

    static Source source(String kind, int assessedRevision, WebData.Revision revision) {
        if (revision != null && revision.revision() == assessedRevision) {
            if ("PUBLISHED_RATIO".equals(revision.kind())) {
                return new Source("NATO edition", revision.source());
            }
            if (revision.note() != null && revision.note().toUpperCase(Locale.ROOT).contains("ILLUSTRATIVE")) {
                return new Source("illustrative (demo)", revision.note());
            }
            if (revision.submittedBy() != null && revision.submittedBy().startsWith("delegation:")) {
                return new Source("delegation submission", revision.submittedBy().substring("delegation:".length()));
            }
            return new Source("staff import", revision.source());
        }
        if (kind == null) {
            return Source.NONE;
        }
        return new Source("PUBLISHED_RATIO".equals(kind) ? "NATO edition" : "submitted amounts", null);
    }

    /** The distinct full sources behind a table, listed once beneath it. */
    static java.util.List<String> sourcesOf(java.util.stream.Stream<Source> sources) {
        return sources.filter(s -> s.detail() != null && !"delegation submission".equals(s.label()))
                .map(s -> s.label() + ": " + s.detail()).distinct().sorted().toList();
    }
}
