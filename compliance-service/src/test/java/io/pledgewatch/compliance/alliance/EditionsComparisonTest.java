package io.pledgewatch.compliance.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pledgewatch.compliance.assessment.RevisionHistoryRepository.EditionRow;
import io.pledgewatch.compliance.assessment.RevisionHistoryRepository.PublishedFigure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the latest edition restated, on figures small enough to check by hand. */
class EditionsComparisonTest {

    static final EditionRow NEWER = new EditionRow("2026 edition", Instant.parse("2026-07-07T00:00:00Z"), 5, 5);
    static final EditionRow OLDER = new EditionRow("2025 edition", Instant.parse("2025-08-28T00:00:00Z"), 5, 5);

    static PublishedFigure f(String country, int year, String pct) {
        return new PublishedFigure(country, year, new BigDecimal(pct));
    }

    static final List<PublishedFigure> FROM = List.of(f("POL", 2025, "4.48049"), f("ALB", 2025, "2.01"),
            f("EST", 2025, "3.38"), f("LTU", 2025, "4.00"), f("SVN", 2024, "1.5"), f("CZE", 2025, "2.00"), f("SVK", 2025, "2.004"));
    static final List<PublishedFigure> TO = List.of(f("POL", 2025, "4.25"), f("ALB", 2025, "1.48"),
            f("EST", 2025, "3.93"), f("LTU", 2025, "4.0"), f("FIN", 2025, "2.4"), f("CZE", 2025, "1.47"), f("SVK", 2025, "2.00"));

    @Test
    void everyKeyBothEditionsGiveThatChangedIsListedLargestChangeFirstTiesByCountry() {
        Editions e = Editions.of(null, List.of(NEWER, OLDER), FROM, TO);
        // At two decimals, as NATO prints them: EST +0.55; ALB and CZE -0.53 each (a tie: by country); POL 4.48049
        // prints 4.48, so 4.25 - 4.48 = -0.23. LTU 4.00 = 4.0 and SVK 2.004 = 2.00 are no change; SVN and FIN are in one
        // edition only.
        assertEquals(List.of("EST", "ALB", "CZE", "POL"), e.changes().stream().map(Editions.Change::country).toList());
        Editions.Change pol = e.changes().get(3);
        assertEquals(new BigDecimal("4.48"), pol.old());
        assertEquals(new BigDecimal("4.25"), pol.newValue());
        assertEquals(new BigDecimal("-0.23"), pol.change());
        assertEquals(new BigDecimal("0.55"), e.changes().getFirst().change());
        assertEquals(new Editions.EditionRef("2025 edition", LocalDate.of(2025, 8, 28)), e.from());
        assertEquals(new Editions.EditionRef("2026 edition", LocalDate.of(2026, 7, 7)), e.to());
        assertEquals(LocalDate.of(2026, 7, 7), e.editions().getFirst().publishedOn());
    }

    @Test
    void withOneEditionThereIsNothingToCompare() {
        Editions e = Editions.of(LocalDate.of(2026, 7, 6), List.of(OLDER), List.of(), List.of());
        assertNull(e.from());
        assertEquals("2025 edition", e.to().source());
        assertEquals(List.of(), e.changes());
        Editions none = Editions.of(LocalDate.of(2025, 1, 1), List.of(), List.of(), List.of());
        assertNull(none.to());
        assertEquals(List.of(), none.editions());
    }
}
