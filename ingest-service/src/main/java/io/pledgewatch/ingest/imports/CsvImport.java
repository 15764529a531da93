package io.pledgewatch.ingest.imports;

import io.pledgewatch.ingest.submission.PublishedRatio;
import io.pledgewatch.ingest.submission.RevisionContent;
import io.pledgewatch.ingest.submission.SubmissionPayload;
import io.pledgewatch.ingest.submission.SubmissionRules;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses (Apache Commons CSV, RFC 4180 with a header row) and validates a historical series, through the same
 * {@link SubmissionRules} as a PUT.
 * A row carries either amounts (the submission's fields, snake_case) or a published ratio
 * ({@code defence_pct_gdp}, optional {@code equipment_pct}, {@code personnel_pct} and {@code real_change_pct}) with
 * its {@code source}. Every row is checked
 * before anything is stored; errors name the row (line number) and the column.
 */
public final class CsvImport {

    public static final int MAX_ROWS = 10_000;
    static final int MAX_CELL = 2_000;

    static final List<String> AMOUNT_COLUMNS = List.of("currency", "gdp", "defence_total", "defence_equipment",
            "defence_personnel", "defence_infrastructure", "defence_other", "defence_ukraine_support",
            "related_critical_infrastructure", "related_cyber_and_networks", "related_civil_preparedness",
            "related_innovation", "related_industrial_base", "usd_rate", "population", "military_personnel", "price_index");
    static final List<String> RATIO_COLUMNS = List.of("defence_pct_gdp", "equipment_pct", "personnel_pct",
            "real_change_pct", "source");
    static final List<String> COMMON_COLUMNS = List.of("country", "year", "status", "note");

    public record Row(int line, Ally ally, int year, RevisionContent content) {
    }

    private final SubmissionRules rules;

    public CsvImport(SubmissionRules rules) {
        this.rules = rules;
    }

    /** Checks a row's cells before they are validated, refusing the whole import at once (e.g. 403). */
    @FunctionalInterface
    public interface RowGuard {
        RowGuard NONE = (line, cells) -> { };

        void check(int line, Map<String, String> cells);
    }

    /**
     * Whether a (country, year) may come more than once. In a staff series the rows of one key are successive
     * editions (an estimate, then the actual figure) and become successive revisions in the file's order; in a
     * delegation's plan a year twice is a mistake, and which of the two was meant is not for us to guess.
     */
    public enum Repeats { AS_SUCCESSIVE_REVISIONS, REFUSED }

    public List<Row> parse(String csv, String defaultSource) {
        return parse(csv, defaultSource, RowGuard.NONE, Repeats.AS_SUCCESSIVE_REVISIONS);
    }

    /** @param guard sees every row first: who may import it is decided before whether it is valid */
    public List<Row> parse(String csv, String defaultSource, RowGuard guard, Repeats repeats) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.badRequest("body", "the CSV body is empty");
        }
        if (csv.indexOf('\u0000') >= 0) {
            throw ProblemException.badRequest("body", "the CSV contains NUL characters");
        }
        List<Violation> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        Lines lines = new Lines(text);
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            for (CSVRecord record : parser) {
                int line = lines.of(record.getCharacterPosition());
                if (record.size() != header.size()) {
                    throw ProblemException.badRequest("body", "unreadable CSV: line " + line + " has " + record.size()
                            + " cells where the header has " + header.size());
                }
                Map<String, String> cells = new LinkedHashMap<>();
                header.forEach(name -> cells.put(name, record.get(name)));
                if (cells.values().stream().allMatch(v -> v == null || v.isEmpty())) {
                    continue;
                }
                if (rows.size() + errors.size() >= MAX_ROWS) {
                    throw ProblemException.invalid(List.of(new Violation("body", "more than " + MAX_ROWS
                            + " rows; split the import")));
                }
                guard.check(line, cells);
                try {
                    Row row = row(line, cells, defaultSource);
                    if (repeats == Repeats.REFUSED && !seen.add(row.ally().iso3() + row.year())) {
                        errors.add(new Violation("year", row.ally().iso3() + " " + row.year()
                                + " appears more than once; a plan holds each year once", line));
                    }
                    rows.add(row);
                } catch (ProblemException e) {
                    e.violations().forEach(v -> errors.add(new Violation(column(v.field()), v.message(), line)));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.badRequest("body", "unreadable CSV: " + firstLine(e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Invalid import", errors.size() + " problem(s) in the CSV; nothing was stored",
                    errors);
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "the CSV has a header but no rows");
        }
        return rows;
    }

    private static void checkHeader(List<String> header, List<Violation> errors) {
        if (header.isEmpty()) {
            errors.add(new Violation("body", "the CSV needs a header row"));
            return;
        }
        Set<String> known = new HashSet<>(COMMON_COLUMNS);
        known.addAll(AMOUNT_COLUMNS);
        known.addAll(RATIO_COLUMNS);
        Set<String> names = new HashSet<>();
        for (String name : header) {
            if (!known.contains(name)) {
                errors.add(new Violation(name, "unknown column; expected some of " + String.join(", ", known)));
            }
            names.add(name);
        }
        for (String required : List.of("country", "year", "status")) {
            if (!names.contains(required)) {
                errors.add(new Violation(required, "the header must have this column"));
            }
        }
    }

    private Row row(int line, Map<String, String> cells, String defaultSource) {
        for (Map.Entry<String, String> e : cells.entrySet()) {
            if (e.getValue() != null && e.getValue().length() > MAX_CELL) {
                throw ProblemException.invalid(e.getKey(), "is longer than " + MAX_CELL + " characters");
            }
        }
        Ally ally;
        try {
            ally = rules.ally(text(cells, "country"));
        } catch (ProblemException notAnAlly) {
            throw ProblemException.invalid("country", notAnAlly.getMessage());
        }
        int year;
        try {
            year = SubmissionRules.year(text(cells, "year"));
        } catch (ProblemException badYear) {
            throw ProblemException.invalid("year", badYear.violations().get(0).message());
        }
        List<Violation> numberErrors = new ArrayList<>();
        Map<String, BigDecimal> n = new LinkedHashMap<>();
        for (String c : cells.keySet()) {
            if (!List.of("country", "year", "status", "note", "source", "currency").contains(c)) {
                n.put(c, number(c, cells.get(c), numberErrors));
            }
        }
        if (!numberErrors.isEmpty()) {
            throw ProblemException.invalid(numberErrors);
        }
        // Any of the published figures makes the row a ratio row, so that a share beside amounts is refused rather
        // than silently dropped, and a share without its defence_pct_gdp is told that it needs one.
        String ratioFigure = RATIO_COLUMNS.stream().filter(c -> n.get(c) != null).findFirst().orElse(null);
        boolean ratio = ratioFigure != null;
        boolean amounts = AMOUNT_COLUMNS.stream().filter(c -> !c.equals("currency")).anyMatch(c -> n.get(c) != null);
        if (ratio && amounts) {
            throw ProblemException.invalid(ratioFigure, "a row carries either amounts or a published ratio, not both");
        }
        if (ratio || !amounts && cells.containsKey("defence_pct_gdp")) {
            String source = text(cells, "source");
            return new Row(line, ally, year, rules.publishedRatio(ally, year, new PublishedRatio(text(cells, "status"),
                    text(cells, "currency"), n.get("defence_pct_gdp"), n.get("equipment_pct"), n.get("personnel_pct"),
                    n.get("real_change_pct"), source == null ? defaultSource : source, text(cells, "note"))));
        }
        SubmissionPayload payload = new SubmissionPayload(text(cells, "status"), text(cells, "currency"), n.get("gdp"),
                new SubmissionPayload.Defence(n.get("defence_total"), n.get("defence_equipment"), n.get("defence_personnel"),
                        n.get("defence_infrastructure"), n.get("defence_other"), n.get("defence_ukraine_support")),
                new SubmissionPayload.Related(n.get("related_critical_infrastructure"), n.get("related_cyber_and_networks"),
                        n.get("related_civil_preparedness"), n.get("related_innovation"), n.get("related_industrial_base")),
                n.get("usd_rate"), text(cells, "note"), n.get("population"), n.get("military_personnel"),
                n.get("price_index"));
        return new Row(line, ally, year, rules.amounts(ally, year, payload));
    }

    /** RFC 4180 with a header row; cells and names trimmed; a header name twice is an unreadable CSV. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW)
            .get();

    /** Which line a character position is on (1-based), so that errors name the line a row starts on. */
    private static final class Lines {
        private final int[] starts;

        Lines(String text) {
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        int of(long position) {
            int i = Arrays.binarySearch(starts, (int) Math.min(position, Integer.MAX_VALUE));
            return (i >= 0 ? i : -i - 2) + 1;
        }
    }

    private static String text(Map<String, String> cells, String column) {
        String v = cells.get(column);
        return v == null || v.isEmpty() ? null : v;
    }

    private static BigDecimal number(String column, String cell, List<Violation> errors) {
        if (cell == null || cell.isEmpty()) {
            return null;
        }
        if (cell.length() > 40) {
            errors.add(new Violation(column, "is not a plain decimal number"));
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(cell);
            if (value.scale() < -20 || value.scale() > 20) {
                errors.add(new Violation(column, "is not a plain decimal number"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new Violation(column, "'" + (cell.length() > 30 ? cell.substring(0, 30) + "…" : cell)
                    + "' is not a number"));
            return null;
        }
    }

    /** Rules name JSON fields ("defence.ukraineSupport"); the CSV names columns ("defence_ukraine_support"). */
    static String column(String jsonField) {
        if (jsonField == null) {
            return null;
        }
        return jsonField.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String first = message.lines().findFirst().orElse(message);
        return first.length() > 160 ? first.substring(0, 160) : first;
    }
}
