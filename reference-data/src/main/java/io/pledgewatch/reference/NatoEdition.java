package io.pledgewatch.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * NATO's published editions that ship with the suite, oldest first (sources in {@code SOURCES.md} beside the files).
 * Each edition restates earlier years, so figures are compared within one edition, and an edition is loaded with the
 * day it was published: a figure is known since then.
 */
public enum NatoEdition {

    DEFENCE_EXPENDITURE_2014_2025("Defence Expenditure of NATO Countries (2014-2025)", LocalDate.of(2025, 8, 28),
            "nato-defence-share-of-gdp-2014-2025.csv", null),
    DEFENCE_INVESTMENT_2014_2026("Defence Investment of NATO Countries (2014-2026)", LocalDate.of(2026, 7, 7),
            "nato-core-defence-2014-2026.csv", "nato-core-defence-aggregates-2014-2026.csv");

    /** One aggregate row: {@code group} is {@code EUROPE_CANADA} or {@code NATO}; real change may be absent. */
    public record Aggregate(String group, int year, BigDecimal defencePctGdp, BigDecimal realChangePct) {
    }

    private static final String FOLDER = "/io/pledgewatch/reference/";

    private final String title;
    private final LocalDate publishedOn;
    private final String seriesFile;
    private final String aggregatesFile;

    NatoEdition(String title, LocalDate publishedOn, String seriesFile, String aggregatesFile) {
        this.title = title;
        this.publishedOn = publishedOn;
        this.seriesFile = seriesFile;
        this.aggregatesFile = aggregatesFile;
    }

    /** The publication's title, as staff cite it. */
    public String title() {
        return title;
    }

    public LocalDate publishedOn() {
        return publishedOn;
    }

    /** The name of the series file on the classpath, beside this class. */
    public String seriesFile() {
        return seriesFile;
    }

    /** The newest edition that ships with the suite. */
    public static NatoEdition latest() {
        NatoEdition[] all = values();
        return all[all.length - 1];
    }

    /**
     * The edition's series as published: a header ({@code country,year,status,defence_pct_gdp} and, from 2026,
     * {@code equipment_pct,personnel_pct,real_change_pct}) and one line per Ally and year, as ingest's import
     * takes it.
     */
    public List<String> seriesLines() {
        try (InputStream in = open(seriesFile)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NATO Europe and Canada and NATO Total as the edition prints them; empty where the edition has none. */
    public List<Aggregate> aggregates() {
        if (aggregatesFile == null) {
            return List.of();
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .get();
        try (InputStream in = open(aggregatesFile)) {
            List<Aggregate> rows = new ArrayList<>();
            for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                rows.add(new Aggregate(r.get("group"), Integer.parseInt(r.get("year")), decimal(r.get("defence_pct_gdp")),
                        decimal(r.get("real_change_pct"))));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal decimal(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value);
    }

    private static InputStream open(String file) {
        InputStream in = NatoEdition.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IllegalStateException("reference table missing from classpath: " + FOLDER + file);
        }
        return in;
    }
}
