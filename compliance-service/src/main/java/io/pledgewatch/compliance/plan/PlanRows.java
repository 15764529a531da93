package io.pledgewatch.compliance.plan;

import io.pledgewatch.compliance.assessment.ScoringInput;
import io.pledgewatch.compliance.assessment.SubmissionStatus;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The rows of a plan check, read as ingest's import reads a delegation's plan: the import's columns (RFC 4180 with a
 * header row), amounts rows only, each year once, every row checked before anything is judged, and each problem
 * naming its row (line number) and column; 400 for a body that is not a readable CSV, 422 for a rule broken.
 *
 * <p>The rules are ingest's (its {@code SubmissionRules} and the constraints on a submission): this service can
 * neither call ingest to validate nor load its classes, so they are repeated here for an amounts row — what a
 * figure may be and how the amounts agree — and must change with ingest's. What only a check adds: every row is for
 * the nation the path names, and for a year of the plan or its baseline.
 */
public final class PlanRows {

    /** A plan holds a row a year; this bounds the work a body full of anything else can cause. */
    static final int MAX_ROWS = 100;
    static final int MAX_CELL = 2_000;
    static final int NOTE_MAX = 2_000;

    static final List<String> AMOUNT_COLUMNS = List.of("currency", "gdp", "defence_total", "defence_equipment",
            "defence_personnel", "defence_infrastructure", "defence_other", "defence_ukraine_support",
            "related_critical_infrastructure", "related_cyber_and_networks", "related_civil_preparedness",
            "related_innovation", "related_industrial_base", "usd_rate", "population", "military_personnel", "price_index");
    static final List<String> RATIO_COLUMNS = List.of("defence_pct_gdp", "equipment_pct", "personnel_pct",
            "real_change_pct", "source");
    static final List<String> COMMON_COLUMNS = List.of("country", "year", "status", "note");
    private static final List<String> RELATED_COLUMNS = List.of("related_critical_infrastructure",
            "related_cyber_and_networks", "related_civil_preparedness", "related_innovation", "related_industrial_base");
    private static final Set<String> TEXT_COLUMNS = Set.of("country", "year", "status", "note", "source", "currency");
    private static final BigDecimal AMOUNT_BOUND = new BigDecimal("1e17");
    private static final BigDecimal SUM_TOLERANCE = BigDecimal.ONE;

    /** RFC 4180 with a header row; cells and names trimmed; a header name twice is an unreadable CSV (as ingest). */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private final Ally nation;
    private final int firstYear;
    private final int lastYear;

    /**
     * @param nation    the nation the check is for: every row must be its own
     * @param firstYear the first year a row may be for (the plan's baseline year)
     * @param lastYear  the plan's last year
     */
    public PlanRows(Ally nation, int firstYear, int lastYear) {
        this.nation = nation;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** The body's rows as scoring reads them, by year; refused whole (problem+json) if any row is at fault. */
    public Map<Integer, ScoringInput> read(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.badRequest("body", "the CSV body is empty");
        }
        if (csv.indexOf('\u0000') >= 0) {
            throw ProblemException.badRequest("body", "the CSV contains NUL characters");
        }
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<Violation> errors = new ArrayList<>();
        Map<Integer, ScoringInput> rows = new LinkedHashMap<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header);
            int line = 1;
            long counted = 0;
            int read = 0;
            for (CSVRecord record : parser) {
                // A record's position is where the parser started reading it: before the empty lines it skipped.
                long start = record.getCharacterPosition();
                while (start < text.length() && (text.charAt((int) start) == '\n' || text.charAt((int) start) == '\r')) {
                    start++;
                }
                line += lineBreaks(text, counted, start);
                counted = start;
                if (record.size() != header.size()) {
                    throw ProblemException.badRequest("body", "unreadable CSV: line " + line + " has " + record.size()
                            + " cells where the header has " + header.size());
                }
                Map<String, String> cells = new LinkedHashMap<>();
                header.forEach(name -> cells.put(name, record.get(name)));
                if (cells.values().stream().allMatch(v -> v == null || v.isEmpty())) {
                    continue;
                }
                if (++read > MAX_ROWS) {
                    throw ProblemException.invalid("body", "more than " + MAX_ROWS + " rows: a plan holds one row a year, "
                            + firstYear + "–" + lastYear);
                }
                int at = line;
                List<Violation> found = new ArrayList<>();
                ScoringInput row = row(cells, found);
                found.forEach(v -> errors.add(v.atRow(at)));
                if (row != null && rows.putIfAbsent(row.year(), row) != null) {
                    errors.add(new Violation("year", row.year() + " appears more than once; a plan holds each year once", at));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.badRequest("body", "unreadable CSV: " + firstLine(e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Invalid plan", errors.size() + " problem(s) in the CSV; nothing was checked",
                    errors);
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "the CSV has a header but no rows");
        }
        return rows;
    }

    private static void checkHeader(List<String> header) {
        List<Violation> errors = new ArrayList<>();
        if (header.isEmpty()) {
            throw ProblemException.invalid("body", "the CSV needs a header row");
        }
        Set<String> known = new HashSet<>(COMMON_COLUMNS);
        known.addAll(AMOUNT_COLUMNS);
        known.addAll(RATIO_COLUMNS);
        for (String name : header) {
            if (!known.contains(name)) {
                errors.add(new Violation(name, "unknown column; expected some of " + String.join(", ", known)));
            }
        }
        for (String required : List.of("country", "year", "status")) {
            if (!header.contains(required)) {
                errors.add(new Violation(required, "the header must have this column"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** One row, or null when its country or year is at fault (then nothing else of it can be judged). */
    private ScoringInput row(Map<String, String> cells, List<Violation> errors) {
        for (Map.Entry<String, String> e : cells.entrySet()) {
            if (e.getValue() != null && e.getValue().length() > MAX_CELL) {
                errors.add(new Violation(e.getKey(), "is longer than " + MAX_CELL + " characters"));
                return null;
            }
        }
        String country = text(cells, "country");
        Ally ally = Allies.get().find(country).orElse(null);
        if (ally == null) {
            errors.add(new Violation("country", "'" + quoted(country)
                    + "' is not a NATO Ally (use the ISO 3166-1 alpha-3 code, upper case)"));
            return null;
        }
        if (!ally.equals(nation)) {
            errors.add(new Violation("country", "this is " + nation.name() + "'s plan (" + nation.iso3() + "); the row is "
                    + ally.name() + "'s"));
            return null;
        }
        String yearText = text(cells, "year");
        if (yearText == null || !yearText.matches("\\d{4}")) {
            errors.add(new Violation("year", "'" + quoted(yearText) + "' is not a four-digit year"));
            return null;
        }
        int year = Integer.parseInt(yearText);
        if (year < firstYear || year > lastYear) {
            errors.add(new Violation("year", year + " is not a year of the plan: a check takes " + firstYear
                    + " (the baseline) to " + lastYear));
            return null;
        }
        Map<String, BigDecimal> n = new LinkedHashMap<>();
        for (String c : cells.keySet()) {
            if (!TEXT_COLUMNS.contains(c)) {
                n.put(c, number(c, cells.get(c), errors));
            }
        }
        if (!errors.isEmpty()) {
            return null; // a cell that is no number is told so, not also that it is missing
        }
        String ratio = RATIO_COLUMNS.stream().filter(c -> !c.equals("source") && n.get(c) != null).findFirst().orElse(null);
        if (ratio != null) {
            errors.add(new Violation(ratio, "a plan holds amounts: a published ratio counts for no year of a plan"));
        }
        SubmissionStatus status = status(text(cells, "status"), errors);
        String currency = text(cells, "currency");
        String inForce = nation.currencyIn(year);
        if (currency == null) {
            errors.add(new Violation("currency", "is required: " + nation.name() + " reports " + year + " in " + inForce));
        } else if (!currency.equals(inForce)) {
            errors.add(new Violation("currency", "'" + quoted(currency) + "' is not " + nation.name() + "'s currency in "
                    + year + ": amounts for that year are in " + inForce));
        }
        BigDecimal gdp = amount("gdp", n, true, errors);
        if (gdp != null && gdp.signum() == 0) {
            errors.add(new Violation("gdp", "must be greater than 0"));
        }
        BigDecimal total = amount("defence_total", n, true, errors);
        BigDecimal equipment = amount("defence_equipment", n, true, errors);
        BigDecimal personnel = amount("defence_personnel", n, true, errors);
        BigDecimal infrastructure = amount("defence_infrastructure", n, true, errors);
        BigDecimal other = amount("defence_other", n, true, errors);
        BigDecimal ukraine = amount("defence_ukraine_support", n, false, errors);
        BigDecimal related = BigDecimal.ZERO;
        for (String c : RELATED_COLUMNS) {
            BigDecimal r = amount(c, n, false, errors);
            related = r == null ? related : related.add(r);
        }
        BigDecimal usdRate = positive("usd_rate", n, 8, new BigDecimal("1e9"), "national currency units per USD", errors);
        BigDecimal population = positive("population", n, 0, new BigDecimal("1e10"), "residents, annual average", errors);
        BigDecimal military = positive("military_personnel", n, 0, new BigDecimal("1e10"), "persons, NATO definition",
                errors);
        BigDecimal priceIndex = positive("price_index", n, 4, new BigDecimal("1e6"), "the GDP deflator, 2021 = 100", errors);
        note(text(cells, "note"), errors);
        if (gdp != null && total != null && equipment != null && personnel != null && infrastructure != null
                && other != null) {
            agree(gdp, total, equipment, personnel, infrastructure, other, ukraine, related, errors);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ScoringInput(nation.iso3(), year, 0, 0, false, status, currency, gdp, total, equipment, related,
                usdRate, null, null, null, new ScoringInput.Breakdown(personnel, infrastructure, other,
                ukraine == null ? BigDecimal.ZERO : ukraine, population, military, priceIndex, null, null));
    }

    private static SubmissionStatus status(String text, List<Violation> errors) {
        String names = Arrays.stream(SubmissionStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (text == null) {
            errors.add(new Violation("status", "is required: one of " + names));
            return null;
        }
        try {
            return SubmissionStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            errors.add(new Violation("status", "'" + quoted(text) + "' is not one of " + names));
            return null;
        }
    }

    /**
     * An amount in national currency units: not negative, at most two decimals, below 10^17 (NUMERIC(20,2)). Returned
     * as given even when refused, so that the checks across fields see it too, as ingest's validator does.
     */
    private static BigDecimal amount(String column, Map<String, BigDecimal> n, boolean required, List<Violation> errors) {
        BigDecimal v = n.get(column);
        if (v == null) {
            if (required) {
                errors.add(new Violation(column, "is required"));
            }
            return null;
        }
        if (v.signum() < 0) {
            errors.add(new Violation(column, "cannot be negative"));
        } else if (v.compareTo(AMOUNT_BOUND) >= 0) {
            errors.add(new Violation(column, "is implausibly large (must be below 100000000000000000)"));
        } else if (v.stripTrailingZeros().scale() > 2) {
            errors.add(new Violation(column, "has more than 2 decimal places"));
        }
        return v;
    }

    private static BigDecimal positive(String column, Map<String, BigDecimal> n, int decimals, BigDecimal bound,
                                       String what, List<Violation> errors) {
        BigDecimal v = n.get(column);
        if (v == null) {
            return null;
        }
        if (v.signum() <= 0) {
            errors.add(new Violation(column, "must be greater than 0 (" + what + ")"));
        } else if (v.compareTo(bound) >= 0) {
            errors.add(new Violation(column, "is implausibly large (must be below " + bound.toPlainString() + ")"));
        } else if (v.stripTrailingZeros().scale() > decimals) {
            errors.add(new Violation(column, decimals == 0 ? "must be a whole number (" + what + ")"
                    : "has more than " + decimals + " decimal places"));
        }
        return v;
    }

    private static void note(String note, List<Violation> errors) {
        if (note == null) {
            return;
        }
        if (note.codePointCount(0, note.length()) > NOTE_MAX) {
            errors.add(new Violation("note", "is longer than " + NOTE_MAX + " characters"));
        }
        if (note.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new Violation("note", "contains control characters"));
        }
        if (note.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            errors.add(new Violation("note", "is not valid Unicode text"));
        }
    }

    /** The amounts agree as ingest requires: categories sum to the total (one unit), parts within wholes. */
    private static void agree(BigDecimal gdp, BigDecimal total, BigDecimal equipment, BigDecimal personnel,
                              BigDecimal infrastructure, BigDecimal other, BigDecimal ukraine, BigDecimal related,
                              List<Violation> errors) {
        BigDecimal sum = equipment.add(personnel).add(infrastructure).add(other);
        if (sum.subtract(total).abs().compareTo(SUM_TOLERANCE) > 0) {
            errors.add(new Violation("defence_total", "equipment + personnel + infrastructure + other = "
                    + sum.toPlainString() + ", which differs from total " + total.toPlainString()
                    + " by more than one currency unit"));
        }
        if (equipment.compareTo(total) > 0) {
            errors.add(new Violation("defence_equipment", "cannot exceed defence_total"));
        }
        if (ukraine != null && ukraine.compareTo(total) > 0) {
            errors.add(new Violation("defence_ukraine_support", "is part of defence_total and cannot exceed it"));
        }
        if (total.compareTo(gdp) > 0) {
            errors.add(new Violation("defence_total", "cannot exceed gdp (are both in whole currency units?)"));
        }
        if (related.compareTo(gdp) > 0) {
            errors.add(new Violation("related", "the related amounts together cannot exceed gdp"));
        }
    }

    private static BigDecimal number(String column, String cell, List<Violation> errors) {
        if (cell == null || cell.isEmpty()) {
            return null;
        }
        try {
            BigDecimal value = cell.length() > 40 ? null : new BigDecimal(cell);
            if (value == null || value.scale() < -20 || value.scale() > 20) {
                errors.add(new Violation(column, "is not a plain decimal number"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new Violation(column, "'" + quoted(cell) + "' is not a number"));
            return null;
        }
    }

    /** Line breaks (CRLF, LF or a lone CR) in {@code text} from {@code from} up to {@code to}. */
    private static int lineBreaks(String text, long from, long to) {
        int breaks = 0;
        for (int i = (int) from; i < Math.min(to, text.length()); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    private static String text(Map<String, String> cells, String column) {
        String v = cells.get(column);
        return v == null || v.isEmpty() ? null : v;
    }

    /** A sender's text quoted back: control characters masked, at most 40 characters. */
    private static String quoted(String s) {
        if (s == null) {
            return "";
        }
        String safe = s.replaceAll("\\p{Cntrl}", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String first = message.lines().findFirst().orElse(message);
        return first.length() > 160 ? first.substring(0, 160) : first;
    }
}
