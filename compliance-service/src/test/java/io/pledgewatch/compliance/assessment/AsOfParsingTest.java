package io.pledgewatch.compliance.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AsOfParsingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void aDayCountsEverythingKnownBeforeTheNextDayBegan() {
        AsOf asOf = AsOf.of("2025-08-28", TODAY);
        assertEquals(Instant.parse("2025-08-29T00:00:00Z"), asOf.cutoff());
        assertEquals(Instant.parse("2025-08-28T23:59:59Z"), asOf.moment(Instant.EPOCH));
        assertEquals(TODAY, AsOf.of("2026-12-03", TODAY).day(), "today is a day that has begun");
    }

    @Test
    void absentOrEmptyIsNow() {
        assertTrue(AsOf.of(null, TODAY).isNow());
        assertTrue(AsOf.of("", TODAY).isNow());
    }

    @Test
    void malformedIs400AndADayToCome422BothNamingAsOf() {
        for (String bad : new String[] {"2025-02-30", "28.08.2025", "2025-8-28"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> AsOf.of(bad, TODAY), bad);
            assertEquals(400, e.status());
            assertEquals("asOf", e.violations().getFirst().field());
        }
        ProblemException future = assertThrows(ProblemException.class, () -> AsOf.of("2026-12-04", TODAY));
        assertEquals(422, future.status());
        assertEquals("asOf", future.violations().getFirst().field());
    }
}
