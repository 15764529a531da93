package io.pledgewatch.compliance.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of every analyst measure (design.md, Analyst measures). */
class AnalystMeasuresTest {

    static final Ally LTU = Allies.get().find("LTU").orElseThrow();
    static final Ally BGR = Allies.get().find("BGR").orElseThrow();

    /** LTU 2026: G 89.03 bn, D 4.79 bn (E 1.2, P 1.9, I 0.5, O 1.19), U 0.25 bn, 0.92 EUR per USD. */
    static ScoringInput ltu(int year, String total, String rate, String population, String soldiers, String priceIndex) {
        return new ScoringInput("LTU", year, 1, 1, false, SubmissionStatus.BUDGET, "EUR", new BigDecimal("89030000000"),
                new BigDecimal(total), new BigDecimal("1200000000"), BigDecimal.ZERO, dec(rate), null, null, null,
                new ScoringInput.Breakdown(new BigDecimal("1900000000"), new BigDecimal("500000000"),
                        new BigDecimal(total).subtract(new BigDecimal("3600000000")), new BigDecimal("250000000"),
                        dec(population), dec(soldiers), dec(priceIndex), null, null));
    }

    static ScoringInput bgr(int year, String currency, String total, String priceIndex) {
        return new ScoringInput("BGR", year, 1, 1, false, SubmissionStatus.BUDGET, currency, new BigDecimal("200000000000"),
                new BigDecimal(total), BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, null,
                new ScoringInput.Breakdown(new BigDecimal(total), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        null, null, dec(priceIndex), null, null));
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void sharesUkraineUsdAndPerHeadFromOneRevision() {
        AnalystMeasures m = AnalystMeasures.of(LTU, ltu(2026, "4790000000", "0.92", "2890000", "23000", "131.7"),
                Optional.empty());
        // 100 × 1.2 / 4.79 = 25.0522; 1.9 → 39.6660; 0.5 → 10.4384; 1.19 → 24.8434 (sum 100.0000)
        assertEquals(new BigDecimal("25.0522"), m.shares().equipment());
        assertEquals(new BigDecimal("39.666"), m.shares().personnel());
        assertEquals(new BigDecimal("10.4384"), m.shares().infrastructure());
        assertEquals(new BigDecimal("24.8434"), m.shares().other());
        // U = 0.25 bn: 5.2192% of D, 0.2808% of G
        assertEquals(new BigDecimal("5.2192"), m.ukraine().pctOfDefence());
        assertEquals(new BigDecimal("0.2808"), m.ukraine().pctOfGdp());
        // 4.79 bn / 0.92 = 5,206,521,739 USD; 89.03 bn / 0.92 = 96,771,739,130 USD
        assertEquals(new BigDecimal("5206521739"), m.usd().defence());
        assertEquals(new BigDecimal("96771739130"), m.usd().gdp());
        // per head: 5,206,521,739.13 / 2,890,000 = 1,801.56; per soldier / 23,000 = 226,370.51
        assertEquals(new BigDecimal("1801.56"), m.perCapitaUsd());
        assertEquals(new BigDecimal("226370.51"), m.perSoldierUsd());
        // 2021 prices: 4.79 bn × 100 / 131.7 = 3,637,053,910
        assertEquals(new BigDecimal("3637053910"), m.constant());
        assertNull(m.realChange(), "no 2025 revision");
        assertEquals(List.of("2025 amounts with priceIndex"), m.missing());
    }

    @Test
    void realChangeAtConstantPricesAgainstThePreviousYear() {
        ScoringInput y2025 = ltu(2025, "4500000000", "0.92", null, null, "127.5");
        AnalystMeasures m = AnalystMeasures.of(LTU, ltu(2026, "4790000000", "0.92", null, null, "131.7"), Optional.of(y2025));
        // 3,637,053,910.40 / (4.5 bn × 100 / 127.5 = 3,529,411,764.71) − 1 = +3.0499%
        assertEquals(new BigDecimal("3.0499"), m.realChange());
    }

    @Test
    void realChangeAcrossBulgariasChangeToTheEuroUsesTheFixedRate() {
        ScoringInput y2025 = bgr(2025, "BGN", "4000000000", "125");
        AnalystMeasures m = AnalystMeasures.of(BGR, bgr(2026, "EUR", "2100000000", "130"), Optional.of(y2025));
        // 2025: 4.0 bn BGN × 100 / 125 = 3.2 bn BGN = 1,636,134,019.83 EUR at 1.95583;
        // 2026: 2.1 bn × 100 / 130 = 1,615,384,615.38 EUR; change −1.2682%
        assertEquals(new BigDecimal("-1.2682"), m.realChange());
    }

    @Test
    void missingInputsGiveNullMeasuresAndSayWhichInputIsMissing() {
        AnalystMeasures m = AnalystMeasures.of(LTU, ltu(2026, "4790000000", null, null, null, null),
                Optional.of(ltu(2025, "4500000000", null, null, null, "127.5")));
        assertNull(m.usd());
        assertNull(m.perCapitaUsd());
        assertNull(m.perSoldierUsd());
        assertNull(m.constant());
        assertNull(m.realChange());
        assertEquals(List.of("usdRate", "population", "militaryPersonnel", "priceIndex"), m.missing());
        assertEquals(new BigDecimal("25.0522"), m.shares().equipment(), "shares need nothing optional");
        // a rate but no population: per soldier only
        AnalystMeasures soldiers = AnalystMeasures.of(LTU, ltu(2026, "4790000000", "0.92", null, "23000", null),
                Optional.empty());
        assertNull(soldiers.perCapitaUsd());
        assertEquals(new BigDecimal("226370.51"), soldiers.perSoldierUsd());
    }

    @Test
    void aPreviousYearWithoutAPriceIndexOrWithOnlyAPublishedRatioGivesNoRealChange() {
        ScoringInput ratio2025 = ScoringInput.ratio("LTU", 2025, 1, "3.9993", null);
        AnalystMeasures m = AnalystMeasures.of(LTU, ltu(2026, "4790000000", "0.92", null, null, "131.7"),
                Optional.of(ratio2025));
        assertNull(m.realChange());
        assertTrue(m.missing().contains("2025 amounts with priceIndex"));
    }

    @Test
    void aPublishedRatioShowsTheSharesAndRealChangeNatoPublishedMarkedAsPublished() {
        // Lithuania 2026 in the 2026 edition: equipment 47.57%, personnel 21.38%, real change 36.04%.
        ScoringInput ratio = ScoringInput.ratio("LTU", 2026, 1, "5.33", "47.57").with(null,
                new ScoringInput.Breakdown(null, null, null, null, null, null, null, dec("21.38"), dec("36.04")));
        AnalystMeasures m = AnalystMeasures.of(LTU, ratio, Optional.empty());
        assertTrue(m.published());
        assertEquals(new AnalystMeasures.Shares(dec("47.57"), dec("21.38"), null, null), m.shares());
        assertEquals(dec("36.04"), m.realChange());
        assertNull(m.ukraine());
        assertNull(m.usd());
        assertNull(m.constant());
        assertEquals(List.of("amounts (a published ratio carries none)"), m.missing());
        assertFalse(AnalystMeasures.of(LTU, ltu(2026, "4790000000", "0.92", null, null, null), Optional.empty()).published());
    }

    @Test
    void aPublishedRatioWithoutSharesNamesWhatTheEditionLeftBlank() {
        // The 2025 edition gave core % only; the 2026 one left Poland's 2025 equipment share blank.
        AnalystMeasures bare = AnalystMeasures.of(LTU, ScoringInput.ratio("LTU", 2024, 1, "2.85", null), Optional.empty());
        assertTrue(bare.published());
        assertNull(bare.shares());
        assertNull(bare.realChange());
        assertEquals(List.of("amounts (a published ratio carries none)", "equipmentPct", "personnelPct", "realChangePct"),
                bare.missing());
        AnalystMeasures personnelOnly = AnalystMeasures.of(LTU, ScoringInput.ratio("LTU", 2025, 1, "4.03", null).with(null,
                new ScoringInput.Breakdown(null, null, null, null, null, null, null, dec("29.58"), dec("17.51"))),
                Optional.empty());
        assertEquals(new AnalystMeasures.Shares(null, dec("29.58"), null, null), personnelOnly.shares());
        assertEquals(List.of("amounts (a published ratio carries none)", "equipmentPct"), personnelOnly.missing());
    }

    @Test
    void figuresInUsdNeedNoRate() {
        ScoringInput us = new ScoringInput("USA", 2026, 1, 1, false, SubmissionStatus.BUDGET, "USD", new BigDecimal("30000000000000"),
                new BigDecimal("1000000000000"), new BigDecimal("300000000000"), BigDecimal.ZERO, null, null, null, null,
                new ScoringInput.Breakdown(new BigDecimal("400000000000"), new BigDecimal("100000000000"),
                        new BigDecimal("200000000000"), BigDecimal.ZERO, new BigDecimal("340000000"), null, null, null,
                        null));
        AnalystMeasures m = AnalystMeasures.of(Allies.get().find("USA").orElseThrow(), us, Optional.empty());
        assertEquals(new BigDecimal("1000000000000"), m.usd().defence());
        assertEquals(new BigDecimal("2941.18"), m.perCapitaUsd()); // 1e12 / 340 m
    }
}
