package io.pledgewatch.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AlliesTest {

    private final Allies allies = Allies.get();

    @Test
    void thereAreThirtyTwoAllies() {
        assertEquals(32, allies.all().size());
    }

    @Test
    void bulgariaUsesLevBefore2026AndEuroFrom2026() {
        Ally bgr = allies.find("BGR").orElseThrow();
        assertEquals("BGN", bgr.currencyIn(2025));
        assertEquals("EUR", bgr.currencyIn(2026));
    }

    @Test
    void croatiaAndLithuaniaChangedCurrencyInTheirYears() {
        assertEquals("HRK", allies.find("HRV").orElseThrow().currencyIn(2022));
        assertEquals("EUR", allies.find("HRV").orElseThrow().currencyIn(2023));
        assertEquals("LTL", allies.find("LTU").orElseThrow().currencyIn(2014));
        assertEquals("EUR", allies.find("LTU").orElseThrow().currencyIn(2015));
    }

    @Test
    void swedenIsAnAllyFrom2024Only() {
        Ally swe = allies.find("SWE").orElseThrow();
        assertFalse(swe.isAllyIn(2023));
        assertTrue(swe.isAllyIn(2024));
    }

    @Test
    void turkiyeKeepsItsDiacritic() {
        assertEquals("Türkiye", allies.find("TUR").orElseThrow().name());
    }

    @Test
    void icelandIsAnAllyButNotAssessed() {
        Ally isl = allies.find("ISL").orElseThrow();
        assertTrue(isl.isAllyIn(2030));
        assertFalse(isl.isAssessed());
    }

    @Test
    void lookupIsStrictAboutCodes() {
        assertTrue(allies.find("ltu").isEmpty());
        assertTrue(allies.find("RUS").isEmpty());
        assertTrue(allies.find(null).isEmpty());
    }

    @Test
    void publishedSeriesShipsWithTheLibrary() {
        assertEquals("country,year,status,defence_pct_gdp", Allies.publishedSeriesLines().get(0));
        assertEquals(372, Allies.publishedSeriesLines().size());
    }
}
