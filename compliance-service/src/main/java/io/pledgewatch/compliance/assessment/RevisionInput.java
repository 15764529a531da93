package io.pledgewatch.compliance.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** This service's copy of the current revision of one (country, year), as scoring needs it. */
@Entity
@Table(name = "revision_input")
public class RevisionInput {

    @Id
    @Column(name = "id", length = 8)
    public String id;
    @Column(name = "country", nullable = false, length = 3)
    public String country;
    @Column(name = "budget_year", nullable = false)
    public int year;
    @Column(name = "revision", nullable = false)
    public int revision;
    @Column(name = "feed_seq", nullable = false)
    public long seq;
    @Column(name = "published_ratio", nullable = false)
    public boolean publishedRatio;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    public SubmissionStatus status;
    @Column(name = "currency", nullable = false, length = 3)
    public String currency;
    @Column(name = "gdp", precision = 20, scale = 2)
    public BigDecimal gdp;
    @Column(name = "defence_total", precision = 20, scale = 2)
    public BigDecimal defenceTotal;
    @Column(name = "equipment", precision = 20, scale = 2)
    public BigDecimal equipment;
    @Column(name = "personnel", precision = 20, scale = 2)
    public BigDecimal personnel;
    @Column(name = "infrastructure", precision = 20, scale = 2)
    public BigDecimal infrastructure;
    @Column(name = "other_spending", precision = 20, scale = 2)
    public BigDecimal other;
    @Column(name = "ukraine_support", precision = 20, scale = 2)
    public BigDecimal ukraineSupport;
    @Column(name = "population", precision = 12, scale = 0)
    public BigDecimal population;
    @Column(name = "military_personnel", precision = 12, scale = 0)
    public BigDecimal militaryPersonnel;
    @Column(name = "price_index", precision = 12, scale = 4)
    public BigDecimal priceIndex;
    @Column(name = "related_total", precision = 21, scale = 2)
    public BigDecimal relatedTotal;
    @Column(name = "usd_rate", precision = 18, scale = 8)
    public BigDecimal usdRate;
    @Column(name = "defence_pct_gdp", precision = 12, scale = 6)
    public BigDecimal defencePctGdp;
    @Column(name = "equipment_pct", precision = 12, scale = 6)
    public BigDecimal equipmentPct;
    @Column(name = "source", length = 500)
    public String source;
    @Column(name = "received_at")
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
