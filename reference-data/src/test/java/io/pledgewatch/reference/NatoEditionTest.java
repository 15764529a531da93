package io.pledgewatch.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NatoEditionTest {

    /** "POL,2025" → the edition's line for it, split. */
    static Map<String, String[]> byKey(NatoEdition edition) {
        return edition.seriesLines().stream().skip(1).map(l -> l.split(",", -1))
                .collect(Collectors.toMap(f -> f[0] + "," + f[1], f -> f));
    }

    @Test
    void editionsAreInTheOrderTheyWerePublished() {
        assertEquals(List.of(LocalDate.of(2025, 8, 28), LocalDate.of(2026, 7, 7)),
                List.of(NatoEdition.values()).stream().map(NatoEdition::publishedOn).toList());
        assertEquals(NatoEdition.DEFENCE_INVESTMENT_2014_2026, NatoEdition.latest());
    }

    @Test
    void the2026EditionCoversThirtyOneAlliesFrom2014To2026WithSharesAndRealChange() {
        List<String> lines = NatoEdition.DEFENCE_INVESTMENT_2014_2026.seriesLines();
        assertEquals("country,year,status,defence_pct_gdp,equipment_pct,personnel_pct,real_change_pct", lines.get(0));
        Map<String, String[]> rows = byKey(NatoEdition.DEFENCE_INVESTMENT_2014_2026);
        assertEquals(31 * 13, rows.size());
        Set<String> countries = rows.keySet().stream().map(k -> k.substring(0, 3)).collect(Collectors.toSet());
        assertEquals(31, countries.size());
        assertFalse(countries.contains("ISL"), "Iceland has no armed forces and no row");
        assertTrue(countries.stream().allMatch(c -> Allies.get().find(c).isPresent()), "every row is an Ally");
        // The figures the edition is quoted for (shared reference README, "Editions differ").
        assertEquals(List.of("5.33", "47.57", "21.38", "36.04"), List.of(rows.get("LTU,2026")).subList(3, 7));
        assertEquals("1.61", rows.get("SVN,2026")[3]);
        assertEquals("", rows.get("SVN,2026")[4], "Slovenia's 2026 equipment share is not in the edition");
        assertEquals("4.25", rows.get("POL,2025")[3]);
        assertEquals("1.48", rows.get("ALB,2025")[3]);
    }

    @Test
    void the2026EditionRestatesThe2025Estimates() {
        Map<String, String[]> old = byKey(NatoEdition.DEFENCE_EXPENDITURE_2014_2025);
        Map<String, String[]> now = byKey(NatoEdition.DEFENCE_INVESTMENT_2014_2026);
        assertEquals(new BigDecimal("4.48"), new BigDecimal(old.get("POL,2025")[3]).setScale(2, RoundingMode.HALF_UP));
        assertEquals("4.25", now.get("POL,2025")[3]);
        long belowTwoIn2026 = now.entrySet().stream().filter(e -> e.getKey().endsWith(",2026"))
                .filter(e -> new BigDecimal(e.getValue()[3]).compareTo(new BigDecimal("2")) < 0).count();
        assertEquals(1, belowTwoIn2026, "Slovenia is the only Ally below 2% in 2026");
    }

    @Test
    void aggregatesGiveEuropeAndCanadaAndTheAlliance() {
        List<NatoEdition.Aggregate> rows = NatoEdition.DEFENCE_INVESTMENT_2014_2026.aggregates();
        assertEquals(26, rows.size());
        NatoEdition.Aggregate nato2026 = rows.stream().filter(a -> a.group().equals("NATO") && a.year() == 2026)
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal("2.86"), nato2026.defencePctGdp());
        assertEquals(new BigDecimal("5.64"), nato2026.realChangePct());
        assertEquals(Set.of("EUROPE_CANADA", "NATO"), rows.stream().map(NatoEdition.Aggregate::group).collect(Collectors.toSet()));
        assertEquals(List.of(), NatoEdition.DEFENCE_EXPENDITURE_2014_2025.aggregates());
    }
}
