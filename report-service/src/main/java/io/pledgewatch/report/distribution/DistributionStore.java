package io.pledgewatch.report.distribution;

import io.pledgewatch.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every statement on subscriptions and deliveries (tables {@code subscription} and {@code delivery}), in plain JDBC on
 * the caller's transaction ({@link Jdbc}; see {@code BriefingStore} for why report has no ORM).
 */
@ApplicationScoped
public class DistributionStore {

    private static final String DELIVERY_COLUMNS = "id, briefing_id, kind, email, status, attempts, next_attempt_at,"
            + " lease_until, last_error, created_at, sent_at";

    @Inject
    Jdbc jdbc;

    /** Every subscription, by address. */
    public List<Subscription> subscriptions() {
        return jdbc.list("SELECT email, created_at, created_by FROM subscription ORDER BY email", ps -> { },
                DistributionStore::subscription);
    }

    public Optional<Subscription> subscription(String email) {
        return jdbc.first("SELECT email, created_at, created_by FROM subscription WHERE email = ?",
                ps -> ps.setString(1, email), DistributionStore::subscription);
    }

    /** Subscribes {@code s.email} unless it already is; true when this call subscribed it. */
    public boolean subscribe(Subscription s) {
        return jdbc.update("INSERT INTO subscription (email, created_at, created_by) VALUES (?, ?, ?)"
                + " ON CONFLICT (email) DO NOTHING", ps -> {
                    ps.setString(1, s.email);
                    ps.setObject(2, Jdbc.timestamp(s.createdAt));
                    ps.setString(3, s.createdBy);
                }) > 0;
    }

    /** True when the address was subscribed. */
    public boolean unsubscribe(String email) {
        return jdbc.update("DELETE FROM subscription WHERE email = ?", ps -> ps.setString(1, email)) > 0;
    }

    /** Inserts {@code d} and gives it its id; a second message of the same briefing, kind and address is refused. */
    public void insert(Delivery d) {
        d.id = jdbc.first("INSERT INTO delivery (" + DELIVERY_COLUMNS + ") VALUES (nextval('delivery_seq')"
                + ", ?".repeat(DELIVERY_COLUMNS.split(",").length - 1) + ") RETURNING id", ps -> {
                    int i = 1;
                    ps.setLong(i++, d.briefingId);
                    ps.setString(i++, d.kind);
                    ps.setString(i++, d.email);
                    ps.setString(i++, d.status);
                    ps.setInt(i++, d.attempts);
                    ps.setObject(i++, Jdbc.timestamp(d.nextAttemptAt));
                    ps.setObject(i++, Jdbc.timestamp(d.leaseUntil));
                    ps.setString(i++, d.lastError);
                    ps.setObject(i++, Jdbc.timestamp(d.createdAt));
                    ps.setObject(i, Jdbc.timestamp(d.sentAt));
                }, rs -> rs.getLong(1)).orElseThrow();
    }

    /**
     * Locks the next delivery due at {@code now} (new, failed and past its back-off, or abandoned under an expired
     * lease) until the transaction ends, skipping those another replica has locked.
     */
    public Optional<Delivery> lockNextDue(Instant now) {
        return jdbc.first("SELECT " + DELIVERY_COLUMNS + " FROM delivery WHERE ((status IN ('PENDING', 'FAILED')"
                + " AND next_attempt_at <= ?) OR (status = 'SENDING' AND lease_until < ?))"
                + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED", ps -> {
                    ps.setObject(1, Jdbc.timestamp(now));
                    ps.setObject(2, Jdbc.timestamp(now));
                }, DistributionStore::delivery);
    }

    public Optional<Delivery> delivery(long id) {
        return jdbc.first("SELECT " + DELIVERY_COLUMNS + " FROM delivery WHERE id = ?", ps -> ps.setLong(1, id),
                DistributionStore::delivery);
    }

    /** Writes what a send changes: status, attempts, back-off, lease, error and when it was sent. */
    public void update(Delivery d) {
        jdbc.update("UPDATE delivery SET status = ?, attempts = ?, next_attempt_at = ?, lease_until = ?,"
                + " last_error = ?, sent_at = ? WHERE id = ?", ps -> {
                    ps.setString(1, d.status);
                    ps.setInt(2, d.attempts);
                    ps.setObject(3, Jdbc.timestamp(d.nextAttemptAt));
                    ps.setObject(4, Jdbc.timestamp(d.leaseUntil));
                    ps.setString(5, d.lastError);
                    ps.setObject(6, Jdbc.timestamp(d.sentAt));
                    ps.setLong(7, d.id);
                });
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        Subscription s = new Subscription();
        s.email = rs.getString(1);
        s.createdAt = Jdbc.instant(rs, 2);
        s.createdBy = rs.getString(3);
        return s;
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        Delivery d = new Delivery();
        int i = 1;
        d.id = rs.getLong(i++);
        d.briefingId = rs.getLong(i++);
        d.kind = rs.getString(i++);
        d.email = rs.getString(i++);
        d.status = rs.getString(i++);
        d.attempts = rs.getInt(i++);
        d.nextAttemptAt = Jdbc.instant(rs, i++);
        d.leaseUntil = Jdbc.instant(rs, i++);
        d.lastError = rs.getString(i++);
        d.createdAt = Jdbc.instant(rs, i++);
        d.sentAt = Jdbc.instant(rs, i);
        return d;
    }
}
