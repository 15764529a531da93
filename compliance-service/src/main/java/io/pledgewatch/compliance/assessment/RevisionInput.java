package io.pledgewatch.compliance.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** This service's copy of the current revision of one (country, year), as scoring needs it. */
@Entity
@Table(name = "revision_input")
public class RevisionInput extends PanacheEntityBase {

    @Id
    public String id;
    @Column(nullable = false)
    public String country;
    @Column(name = "budget_year", nullable = false)
    public int year;
    @Column(nullable = false)
    public int revision;
    @Column(name = "feed_seq", nullable = false)
    public long seq;
    @Column(name = "published_ratio", nullable = false)
    public boolean publishedRatio;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String currency;
    public BigDecimal gdp;
    @Column(name = "defence_total")
    public BigDecimal defenceTotal;
    public BigDecimal equipment;
    public BigDecimal personnel;
    public BigDecimal infrastructure;
    @Column(name = "other_spending")
    public BigDecimal other;
    @Column(name = "ukraine_support")
    public BigDecimal ukraineSupport;
    public BigDecimal population;
    @Column(name = "military_personnel")
    public BigDecimal militaryPersonnel;
    @Column(name = "price_index")
    public BigDecimal priceIndex;
    @Column(name = "related_total")
    public BigDecimal relatedTotal;
    @Column(name = "usd_rate")
    public BigDecimal usdRate;
    @Column(name = "defence_pct_gdp")
    public BigDecimal defencePctGdp;
    @Column(name = "equipment_pct")
    public BigDecimal equipmentPct;
    public String source;
    @Column(name = "received_at")
    public Instant receivedAt;

    public static String key(String country, int year) {
        return country + "-" + year;
    }

    public static List<RevisionInput> ofYear(int year) {
        return list("year = ?1 order by country", year);
    }

    public static List<RevisionInput> ofCountry(String country) {
        return list("country = ?1 order by year", country);
    }

    public static List<RevisionInput> ofYears(int from, int to) {
        return list("year >= ?1 and year <= ?2 order by country, year", from, to);
    }

    public ScoringInput toScoringInput() {
        return new ScoringInput(country, year, revision, seq, publishedRatio, status, currency, gdp, defenceTotal,
                equipment, relatedTotal, usdRate, defencePctGdp, equipmentPct, source, new ScoringInput.Breakdown(
                personnel, infrastructure, other, ukraineSupport, population, militaryPersonnel, priceIndex));
    }
}
