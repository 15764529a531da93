package io.pledgewatch.compliance.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What this service keeps of one revision, as scoring needs it: the columns the current input ({@link RevisionInput})
 * and the history ({@link RevisionHistory}) share, and how a feed item fills them.
 */
@MappedSuperclass
public abstract class RevisionFigures {

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
    @Column(name = "personnel_pct", precision = 12, scale = 6)
    public BigDecimal personnelPct;
    @Column(name = "real_change_pct", precision = 12, scale = 6)
    public BigDecimal realChangePct;
    @Column(name = "source", length = 500)
    public String source;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** Since when ingest knew these figures (its feed's {@code knownSince}); decides which revision is current. */
    @Column(name = "known_since")
    public Instant knownSince;

    /** Takes every figure of {@code item}; a published ratio clears the amounts a previous revision may have left. */
    public void fill(FeedRevision item) {
        country = item.country();
        year = item.year();
        revision = item.revision();
        seq = item.seq();
        publishedRatio = item.isPublishedRatio();
        status = item.status();
        currency = item.currency();
        receivedAt = item.receivedAt();
        knownSince = item.knownSinceOrReceipt();
        usdRate = item.usdRate();
        population = item.population();
        militaryPersonnel = item.militaryPersonnel();
        priceIndex = item.priceIndex();
        boolean amounts = !publishedRatio;
        FeedRevision.Defence d = amounts ? item.defence() : null;
        gdp = amounts ? item.gdp() : null;
        defenceTotal = amounts ? d.total() : null;
        equipment = amounts ? d.equipment() : null;
        relatedTotal = amounts ? item.relatedTotal() : null;
        personnel = amounts ? d.personnel() : null;
        infrastructure = amounts ? d.infrastructure() : null;
        other = amounts ? d.other() : null;
        ukraineSupport = amounts ? d.ukraineSupport() : null;
        FeedRevision.PublishedRatio ratio = amounts ? null : item.publishedRatio();
        defencePctGdp = amounts ? null : ratio.defencePctGdp();
        equipmentPct = amounts ? null : ratio.equipmentPct();
        personnelPct = amounts ? null : ratio.personnelPct();
        realChangePct = amounts ? null : ratio.realChangePct();
        source = amounts ? null : ratio.source();
    }

    /**
     * Whether {@code item} is to replace these figures as the current ones: it was known since later, or since the
     * same time and came later in the feed (ingest's rule: ties go to the later received, whose position is later).
     */
    public boolean isSupersededBy(FeedRevision item) {
        // An input stored without a time (none should be: ingest always sent receivedAt) yields to any revision.
        int byTime = knownSince == null ? 1 : item.knownSinceOrReceipt().compareTo(knownSince);
        return byTime > 0 || byTime == 0 && item.seq() > seq;
    }

    public ScoringInput toScoringInput() {
        return new ScoringInput(country, year, revision, seq, publishedRatio, status, currency, gdp, defenceTotal,
                equipment, relatedTotal, usdRate, defencePctGdp, equipmentPct, source, new ScoringInput.Breakdown(
                personnel, infrastructure, other, ukraineSupport, population, militaryPersonnel, priceIndex,
                personnelPct, realChangePct));
    }
}
