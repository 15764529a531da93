package io.pledgewatch.report.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import io.pledgewatch.report.compliance.ComplianceData;
import io.pledgewatch.report.support.SyntheticData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The year a briefing is about when none is asked for, from the figures alone. */
class FocusYearTest {

    /** The first {@code n} Allies with armed forces, assessed in {@code year}. */
    static List<ComplianceData.Assessment> assessed(int year, int n) {
        return Allies.get().all().stream().filter(Ally::isAssessed).limit(n)
                .map(a -> SyntheticData.assessment(a.iso3(), year, 2.1, 20, 0)).toList();
    }

    static List<ComplianceData.Assessment> years(List<List<ComplianceData.Assessment>> parts) {
        List<ComplianceData.Assessment> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return all;
    }

    @Test
    void theLatestYearWithMostAlliesAssessedIsTheFocus() {
        // 31 Allies can be assessed in 2026 (Iceland has no armed forces): 16 is a majority, 15 is not.
        assertEquals(2026, BriefingAssembler.focusYear(years(List.of(assessed(2025, 31), assessed(2026, 31))), 2026));
        assertEquals(2026, BriefingAssembler.focusYear(years(List.of(assessed(2025, 31), assessed(2026, 16))), 2026));
        assertEquals(2025, BriefingAssembler.focusYear(years(List.of(assessed(2025, 31), assessed(2026, 15))), 2026));
    }

    @Test
    void aYearMissingOneAllyStillHasMostOfThem() {
        // NATO's 2025 edition left Germany's 2025 blank: 30 of 31, still the latest year with most Allies assessed.
        assertEquals(2025, BriefingAssembler.focusYear(years(List.of(assessed(2024, 31), assessed(2025, 30))), 2025));
    }

    @Test
    void yearsAfterTheCurrentOneArePlansNotTheFocus() {
        List<ComplianceData.Assessment> data = years(List.of(assessed(2025, 31), assessed(2026, 31), assessed(2027, 31)));
        assertEquals(2026, BriefingAssembler.focusYear(data, 2026));
        assertEquals(2025, BriefingAssembler.focusYear(data, 2025), "as of a day in 2025, 2026 is not yet the focus");
    }

    @Test
    void withoutAMajorityAnywhereTheLatestBestCoveredYear() {
        assertEquals(2024, BriefingAssembler.focusYear(years(List.of(assessed(2023, 3), assessed(2024, 5),
                assessed(2025, 2))), 2026));
        assertEquals(2026, BriefingAssembler.focusYear(List.of(), 2026), "no figures at all: the current year");
    }

    @Test
    void aNationsBriefingIsAboutItsLatestAssessedYear() {
        List<ComplianceData.Assessment> ltu = List.of(SyntheticData.assessment("LTU", 2025, 4, 20, 0),
                SyntheticData.assessment("LTU", 2026, 5.38, 20, 0), SyntheticData.assessment("LTU", 2030, 5.5, 20, 0));
        assertEquals(2026, BriefingAssembler.nationFocusYear(ltu, 2026));
    }
}
