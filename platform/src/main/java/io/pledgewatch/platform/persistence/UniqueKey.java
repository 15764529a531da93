package io.pledgewatch.platform.persistence;

import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises a row the database refused for one of its unique keys (or primary key): a race another replica or request
 * won, which the caller answers by retrying or by telling its client, not as a failure.
 */
public final class UniqueKey {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueKey() {
    }

    /**
     * Whether {@code e} was caused by the database refusing a row for the unique key named {@code constraint} (where the
     * driver did not name the constraint, any unique violation counts).
     */
    public static boolean violated(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException v && (constraint.equalsIgnoreCase(v.getConstraintName())
                    || v.getConstraintName() == null && UNIQUE_VIOLATION.equals(v.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
