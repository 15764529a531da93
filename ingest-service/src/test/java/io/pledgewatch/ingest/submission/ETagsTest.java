package io.pledgewatch.ingest.submission;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void matchesTheCurrentRevisionOrStar() {
        assertTrue(ETags.matches("\"r3\"", 3));
        assertTrue(ETags.matches("\"r1\", \"r3\"", 3));
        assertTrue(ETags.matches("*", 3));
    }

    @Test
    void staleWeakOrMalformedTagsDoNotMatch() {
        assertFalse(ETags.matches("\"r2\"", 3));
        assertFalse(ETags.matches("W/\"r3\"", 3));
        assertFalse(ETags.matches("r3", 3));
        assertFalse(ETags.matches(null, 3));
    }
}
