package io.pledgewatch.platform.persistence;

import java.sql.SQLException;

/**
 * Recognises a write refused by a unique key, the guard several services rely on for exactly-once outcomes
 * (one submission per nation and year, one briefing per scheduled period). PostgreSQL reports it as SQL state
 * 23505, wrapped by {@link Jdbc} and the transaction manager in exceptions of their own.
 */
public final class UniqueViolation {

    public static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    public static boolean isCauseOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (SQL_STATE.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
