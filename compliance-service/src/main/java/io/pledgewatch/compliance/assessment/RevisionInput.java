package io.pledgewatch.compliance.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * This service's copy of the current revision of one (country, year), as scoring needs it (a row of table
 * {@code revision_input}). Read and written by {@link AssessmentStore}.
 */
public class RevisionInput {

    public String id;
    public String country;
    public int year;
    public int revision;
    public long seq;
    public boolean publishedRatio;
    public String status;
    public String currency;
    public BigDecimal gdp;
    public BigDecimal defenceTotal;
    public BigDecimal equipment;
    public BigDecimal personnel;
    public BigDecimal infrastructure;
    public BigDecimal other;
    public BigDecimal ukraineSupport;
    public BigDecimal population;
    public BigDecimal militaryPersonnel;
    public BigDecimal priceIndex;
    public BigDecimal relatedTotal;
    public BigDecimal usdRate;
    public BigDecimal defencePctGdp;
    public BigDecimal equipmentPct;
    public String source;
    public Instant receivedAt;

    public static String key(String country, int year) {
        return country + "-" + year;
    }

    public ScoringInput toScoringInput() {
        return new ScoringInput(country, year, revision, seq, publishedRatio, status, currency, gdp, defenceTotal,
                equipment, relatedTotal, usdRate, defencePctGdp, equipmentPct, source, new ScoringInput.Breakdown(
                personnel, infrastructure, other, ukraineSupport, population, militaryPersonnel, priceIndex));
    }
}
