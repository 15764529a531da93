package io.pledgewatch.reference;

import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place the suite looks up Allies, accession years and currencies by year.
 * Loaded once from {@code allies.csv} on the classpath (copied from NATO's member list, ISO 3166-1 and ISO 4217).
 */
public final class Allies {

    public static final int FIRST_YEAR = 2014;
    public static final int LAST_YEAR = 2035;

    private static final String RESOURCE = "/io/pledgewatch/reference/allies.csv";
    private static final Allies INSTANCE = load();

    private final Map<String, Ally> byIso3;

    private Allies(Map<String, Ally> byIso3) {
        this.byIso3 = Collections.unmodifiableMap(byIso3);
    }

    public static Allies get() {
        return INSTANCE;
    }

    /** Case-sensitive on purpose: the contract's country codes are upper-case ISO alpha-3. */
    public Optional<Ally> find(String iso3) {
        return iso3 == null ? Optional.empty() : Optional.ofNullable(byIso3.get(iso3));
    }

    /** An Ally's name for people; a code the table does not know is shown as itself. */
    public String nameOf(String iso3) {
        return find(iso3).map(Ally::name).orElse(iso3);
    }

    public List<Ally> all() {
        return List.copyOf(byIso3.values());
    }

    public static boolean isYearInScope(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static Allies load() {
        try (InputStream in = Allies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("reference table missing from classpath: " + RESOURCE);
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).get();
            Map<String, Ally> allies = new LinkedHashMap<>();
            for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                Ally ally = new Ally(r.get("iso3"), r.get("iso2"), r.get("name"), Integer.parseInt(r.get("accession_year")),
                        r.get("currency"), optional(r, "currency_from", Integer::valueOf),
                        optional(r, "previous_currency", String::valueOf),
                        optional(r, "conversion_rate", BigDecimal::new));
                allies.put(ally.iso3(), ally);
            }
            return new Allies(allies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T optional(CSVRecord record, String column, Function<String, T> parse) {
        String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
        return value.isEmpty() ? null : parse.apply(value);
    }

    /** NATO's 2025 edition's share-of-GDP series (2014–2025), the one the tests load as published figures. */
    public static List<String> publishedSeriesLines() {
        return NatoEdition.DEFENCE_EXPENDITURE_2014_2025.seriesLines();
    }

}
