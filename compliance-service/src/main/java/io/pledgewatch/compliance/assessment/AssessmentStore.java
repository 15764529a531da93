package io.pledgewatch.compliance.assessment;

import io.pledgewatch.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every statement compliance runs on its assessments, inputs and feed cursor, in plain JDBC ({@link Jdbc}, on the
 * caller's transaction if there is one). Compliance has no ORM: through Hibernate, reading a page's nations into
 * managed entities and flushing the changed ones at commit were a quarter of its CPU under load, and Hibernate's boot
 * and classes a quarter of its start-up and of its memory (README, Benchmark). Rows are read into plain holders
 * ({@link RevisionInput}, {@link AssessmentRecord}) and only the changed ones are written back, as upserts in one
 * batch per table. The column lists here are the tables' (Flyway's migrations); the tests exercise every statement.
 */
@ApplicationScoped
public class AssessmentStore {

    private static final String INPUT_COLUMNS = "id, country, budget_year, revision, feed_seq, published_ratio,"
            + " status, currency, gdp, defence_total, equipment, related_total, usd_rate, defence_pct_gdp, equipment_pct,"
            + " source, received_at, personnel, infrastructure, other_spending, ukraine_support, population,"
            + " military_personnel, price_index";

    private static final String RECORD_COLUMNS = "id, country, budget_year, revision, feed_seq, assessed, score,"
            + " rule_versions, body, assessed_at";

    private static final String UPSERT_INPUT = upsert("revision_input", INPUT_COLUMNS);
    private static final String UPSERT_RECORD = upsert("assessment", RECORD_COLUMNS);

    @Inject
    Jdbc jdbc;

    /**
     * Locks the feed cursor until the transaction ends and returns its position. Everything that writes assessments
     * takes this lock first, so replicas apply pages one after another and a re-scoring never interleaves with a
     * page (it would otherwise write assessments of inputs the page has since replaced).
     */
    public long lockCursor() {
        return jdbc.first("SELECT last_seq FROM feed_cursor WHERE id = 1 FOR UPDATE", ps -> { }, rs -> rs.getLong(1))
                .orElseThrow();
    }

    public void advanceCursor(long lastSeq) {
        jdbc.update("UPDATE feed_cursor SET last_seq = ?, updated_at = ? WHERE id = 1", ps -> {
            ps.setLong(1, lastSeq);
            ps.setObject(2, Jdbc.timestamp(Instant.now()));
        });
    }

    /**
     * The stored assessment of one (country, year) as served, the API's most frequent read (delegations poll it after
     * a PUT). One statement on a pooled connection: no transaction or session is needed to read one committed row,
     * and through them this read cost about a millisecond of CPU under load.
     */
    public Optional<String> body(String id) {
        return jdbc.first("SELECT body FROM assessment WHERE id = ?", ps -> ps.setString(1, id), rs -> rs.getString(1));
    }

    /** The stored inputs of {@code countries} (every nation when null), keyed by id. */
    public Map<String, RevisionInput> inputs(Collection<String> countries) {
        Map<String, RevisionInput> inputs = new HashMap<>();
        jdbc.query("SELECT " + INPUT_COLUMNS + " FROM revision_input" + ofCountries(countries),
                ps -> bindCountries(ps, countries), rs -> {
                    RevisionInput in = input(rs);
                    inputs.put(in.id, in);
                });
        return inputs;
    }

    /** How far the feed has been applied, as committed (no lock: for the lag gauge and the catch-up's start). */
    public long position() {
        return jdbc.first("SELECT last_seq FROM feed_cursor WHERE id = 1", ps -> { }, rs -> rs.getLong(1))
                .orElseThrow();
    }

    /** The stored inputs of one year, by country. */
    public List<RevisionInput> inputsOfYear(int year) {
        return inputsWhere("budget_year = ? ORDER BY country", ps -> ps.setInt(1, year));
    }

    /** The stored inputs of one nation, by year. */
    public List<RevisionInput> inputsOfCountry(String country) {
        return inputsWhere("country = ? ORDER BY budget_year", ps -> ps.setString(1, country));
    }

    /** The stored inputs of years {@code from} to {@code to}, by country and year. */
    public List<RevisionInput> inputsOfYears(int from, int to) {
        return inputsWhere("budget_year BETWEEN ? AND ? ORDER BY country, budget_year", ps -> {
            ps.setInt(1, from);
            ps.setInt(2, to);
        });
    }

    /** The stored assessments as served, of one nation and/or one year when given, by year and country. */
    public List<String> bodies(String country, Integer year) {
        return jdbc.list("SELECT body FROM assessment WHERE (CAST(? AS VARCHAR) IS NULL OR country = ?)"
                + " AND (CAST(? AS INTEGER) IS NULL OR budget_year = ?) ORDER BY budget_year, country", ps -> {
                    ps.setString(1, country);
                    ps.setString(2, country);
                    ps.setObject(3, year, Types.INTEGER);
                    ps.setObject(4, year, Types.INTEGER);
                }, rs -> rs.getString(1));
    }

    /** Inserts or replaces {@code inputs}, one batch. */
    public void saveInputs(Collection<RevisionInput> inputs) {
        if (inputs.isEmpty()) {
            return;
        }
        jdbc.run(UPSERT_INPUT, ps -> {
            for (RevisionInput in : inputs) {
                int i = 1;
                ps.setString(i++, in.id);
                ps.setString(i++, in.country);
                ps.setInt(i++, in.year);
                ps.setInt(i++, in.revision);
                ps.setLong(i++, in.seq);
                ps.setBoolean(i++, in.publishedRatio);
                ps.setString(i++, in.status);
                ps.setString(i++, in.currency);
                for (BigDecimal v : new BigDecimal[] {in.gdp, in.defenceTotal, in.equipment, in.relatedTotal,
                        in.usdRate, in.defencePctGdp, in.equipmentPct}) {
                    Jdbc.decimal(ps, i++, v);
                }
                ps.setString(i++, in.source);
                ps.setObject(i++, Jdbc.timestamp(in.receivedAt));
                for (BigDecimal v : new BigDecimal[] {in.personnel, in.infrastructure, in.other, in.ukraineSupport,
                        in.population, in.militaryPersonnel, in.priceIndex}) {
                    Jdbc.decimal(ps, i++, v);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        });
    }

    /** Inserts or replaces {@code records}, one batch. */
    public void saveRecords(Collection<AssessmentRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.run(UPSERT_RECORD, ps -> {
            for (AssessmentRecord r : records) {
                int i = 1;
                ps.setString(i++, r.id);
                ps.setString(i++, r.country);
                ps.setInt(i++, r.year);
                ps.setInt(i++, r.revision);
                ps.setLong(i++, r.seq);
                ps.setBoolean(i++, r.assessed);
                Jdbc.decimal(ps, i++, r.score);
                ps.setString(i++, r.ruleVersions);
                ps.setString(i++, r.body);
                ps.setObject(i, Jdbc.timestamp(r.assessedAt));
                ps.addBatch();
            }
            ps.executeBatch();
        });
    }

    private List<RevisionInput> inputsWhere(String condition, Jdbc.Work bind) {
        return jdbc.list("SELECT " + INPUT_COLUMNS + " FROM revision_input WHERE " + condition, bind,
                AssessmentStore::input);
    }

    private static RevisionInput input(ResultSet rs) throws SQLException {
        RevisionInput in = new RevisionInput();
        int i = 1;
        in.id = rs.getString(i++);
        in.country = rs.getString(i++);
        in.year = rs.getInt(i++);
        in.revision = rs.getInt(i++);
        in.seq = rs.getLong(i++);
        in.publishedRatio = rs.getBoolean(i++);
        in.status = rs.getString(i++);
        in.currency = rs.getString(i++);
        in.gdp = rs.getBigDecimal(i++);
        in.defenceTotal = rs.getBigDecimal(i++);
        in.equipment = rs.getBigDecimal(i++);
        in.relatedTotal = rs.getBigDecimal(i++);
        in.usdRate = rs.getBigDecimal(i++);
        in.defencePctGdp = rs.getBigDecimal(i++);
        in.equipmentPct = rs.getBigDecimal(i++);
        in.source = rs.getString(i++);
        in.receivedAt = Jdbc.instant(rs, i++);
        in.personnel = rs.getBigDecimal(i++);
        in.infrastructure = rs.getBigDecimal(i++);
        in.other = rs.getBigDecimal(i++);
        in.ukraineSupport = rs.getBigDecimal(i++);
        in.population = rs.getBigDecimal(i++);
        in.militaryPersonnel = rs.getBigDecimal(i++);
        in.priceIndex = rs.getBigDecimal(i);
        return in;
    }

    private static String ofCountries(Collection<String> countries) {
        // The nations as one parameter, so the statement text is the same for any number of them.
        return countries == null ? "" : " WHERE country = ANY (string_to_array(?, ','))";
    }

    private static void bindCountries(PreparedStatement ps, Collection<String> countries)
            throws SQLException {
        if (countries != null) {
            // ISO codes never contain a comma.
            ps.setString(1, String.join(",", countries));
        }
    }

    private static String upsert(String table, String columns) {
        String[] names = columns.split(",\\s*");
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + "?, ".repeat(names.length - 1) + "?)"
                + " ON CONFLICT (id) DO UPDATE SET " + Arrays.stream(names).skip(1)
                .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
    }
}
