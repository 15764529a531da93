package io.pledgewatch.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {

    @Test
    void aDuplicateKeyDeepInTheCauseChainIsRecognised() {
        Exception wrapped = new RuntimeException("commit failed",
                new IllegalStateException("flush", new SQLException("duplicate key value", "23505")));
        assertTrue(UniqueViolation.isCauseOf(wrapped));
    }

    @Test
    void otherConstraintsAndFailuresAreNot() {
        assertFalse(UniqueViolation.isCauseOf(new SQLException("null value in column", "23502")));
        assertFalse(UniqueViolation.isCauseOf(new SQLException("foreign key", "23503")));
        assertFalse(UniqueViolation.isCauseOf(new RuntimeException("no database")));
    }
}
