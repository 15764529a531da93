package io.pledgewatch.compliance.assessment;

import java.math.BigDecimal;

/**
 * What scoring needs of one revision. Either amounts in national currency (G, D, E, R) or a ratio NATO
 * published ({@code defencePctGdp}, maybe {@code equipmentPct}).
 */
public record ScoringInput(String country, int year, int revision, long seq, boolean publishedRatio,
                           SubmissionStatus status,
                           String currency, BigDecimal gdp, BigDecimal defenceTotal, BigDecimal equipment,
                           BigDecimal relatedTotal, BigDecimal usdRate, BigDecimal defencePctGdp,
                           BigDecimal equipmentPct, String source, Breakdown breakdown) {

    /**
     * What the analyst measures need beyond scoring, all optional: the other categories of D, Ukraine support,
     * residents, armed forces and the GDP deflator (2021 = 100); for a published ratio, the personnel share and the
     * real change NATO published beside it.
     */
    public record Breakdown(BigDecimal personnel, BigDecimal infrastructure, BigDecimal other, BigDecimal ukraineSupport,
                            BigDecimal population, BigDecimal militaryPersonnel, BigDecimal priceIndex,
                            BigDecimal personnelPct, BigDecimal realChangePct) {

        public static final Breakdown NONE = new Breakdown(null, null, null, null, null, null, null, null, null);
    }

    public static ScoringInput amounts(String country, int year, int revision, String currency, String gdp, String total,
                                       String equipment, String related) {
        return new ScoringInput(country, year, revision, 0, false, SubmissionStatus.BUDGET, currency, new BigDecimal(gdp),
                new BigDecimal(total), new BigDecimal(equipment), new BigDecimal(related), null, null, null, null,
                Breakdown.NONE);
    }

    public static ScoringInput ratio(String country, int year, int revision, String defencePctGdp, String equipmentPct) {
        return new ScoringInput(country, year, revision, 0, true, SubmissionStatus.ESTIMATE, "EUR", null, null, null, null, null,
                new BigDecimal(defencePctGdp), equipmentPct == null ? null : new BigDecimal(equipmentPct), "test",
                Breakdown.NONE);
    }

    public ScoringInput with(BigDecimal usdRate, Breakdown breakdown) {
        return new ScoringInput(country, year, revision, seq, publishedRatio, status, currency, gdp, defenceTotal,
                equipment, relatedTotal, usdRate, defencePctGdp, equipmentPct, source, breakdown);
    }
}
