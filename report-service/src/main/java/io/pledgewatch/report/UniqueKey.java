package io.pledgewatch.report;

import org.hibernate.exception.ConstraintViolationException;

/** Recognises a row the database refused for one of its unique keys: a race another replica or request won. */
public final class UniqueKey {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueKey() {
    }

    /** Whether {@code e} was caused by the database refusing a row for the unique key named {@code constraint}. */
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
