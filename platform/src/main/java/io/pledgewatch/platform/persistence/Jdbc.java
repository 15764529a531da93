package io.pledgewatch.platform.persistence;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC on the connection of the caller's transaction: how every service reads and writes its tables (none has an
 * ORM; README, Benchmark: Hibernate's per-query machinery, result mapping and flush cost more than the SQL on the hot
 * paths, and its boot and classes a fifth of each service's start-up and a quarter of its memory). The pool hands
 * every caller in one JTA transaction the connection enlisted in it, so statements run here commit or roll back with
 * whatever else the transaction did; outside a transaction a statement runs on its own (auto-commit).
 */
@Singleton
public class Jdbc {

    private final DataSource dataSource;

    @Inject
    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public interface Work {
        void on(PreparedStatement ps) throws SQLException;
    }

    public interface Rows {
        void each(ResultSet rs) throws SQLException;
    }

    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Prepares {@code sql} and hands it to {@code work}; a failure comes back as {@link StatementFailed}. */
    public void run(String sql, Work work) {
        // Closing the handle inside a transaction returns nothing to the pool: the connection stays with the
        // transaction until it ends.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            work.on(ps);
        } catch (SQLException e) {
            throw new StatementFailed(e);
        }
    }

    /** Runs query {@code sql} with the parameters {@code bind} sets, handing each row to {@code rows}. */
    public void query(String sql, Work bind, Rows rows) {
        run(sql, ps -> {
            bind.on(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.each(rs);
                }
            }
        });
    }

    /** Every row of query {@code sql}, each read by {@code row}, in the query's order. */
    public <T> List<T> list(String sql, Work bind, Row<T> row) {
        List<T> found = new ArrayList<>();
        query(sql, bind, rs -> found.add(row.read(rs)));
        return found;
    }

    /** Runs statement {@code sql} (INSERT, UPDATE, DELETE) with the parameters {@code bind} sets; rows changed. */
    public int update(String sql, Work bind) {
        int[] changed = new int[1];
        run(sql, ps -> {
            bind.on(ps);
            changed[0] = ps.executeUpdate();
        });
        return changed[0];
    }

    /** The first row of query {@code sql}, read by {@code row}; empty when there is none or it reads as null. */
    public <T> Optional<T> first(String sql, Work bind, Row<T> row) {
        List<T> found = new ArrayList<>(1);
        query(sql, bind, rs -> {
            if (found.isEmpty()) {
                found.add(row.read(rs));
            }
        });
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    public static void decimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NUMERIC);
        } else {
            ps.setBigDecimal(index, value);
        }
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime at = rs.getObject(index, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** A failed statement; its SQL state stays reachable as the cause (see {@link UniqueViolation}). */
    public static final class StatementFailed extends RuntimeException {
        StatementFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
