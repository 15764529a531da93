package io.pledgewatch.ingest.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One revision of a submission. Rows are only ever inserted: history is never overwritten. A revision carries its
 * country and year itself, and its head's id as a plain column: it is read by key and by feed position, never by
 * navigating from its head, so no association is mapped.
 */
@Entity
@Table(name = "submission_revision")
public class SubmissionRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "submission_revision_seq")
    @SequenceGenerator(name = "submission_revision_seq", sequenceName = "submission_revision_seq", allocationSize = 50)
    @Column(name = "id")
    public Long id;

    @Column(name = "submission_id", nullable = false)
    public Long submissionId;

    @Column(name = "country", length = 3, nullable = false)
    public String country;

    @Column(name = "budget_year", nullable = false)
    public int year;

    @Column(name = "revision", nullable = false)
    public int revision;

    /** Position in the change feed; see {@link FeedSequencer} for its guarantee. */
    @Column(name = "feed_seq", nullable = false)
    public long feedSeq;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 16, nullable = false)
    public RevisionContent.Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    public Status status;

    @Column(name = "currency", length = 3, nullable = false)
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
    @Column(name = "related_critical_infrastructure", precision = 20, scale = 2)
    public BigDecimal criticalInfrastructure;
    @Column(name = "related_cyber_and_networks", precision = 20, scale = 2)
    public BigDecimal cyberAndNetworks;
    @Column(name = "related_civil_preparedness", precision = 20, scale = 2)
    public BigDecimal civilPreparedness;
    @Column(name = "related_innovation", precision = 20, scale = 2)
    public BigDecimal innovation;
    @Column(name = "related_industrial_base", precision = 20, scale = 2)
    public BigDecimal industrialBase;
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
    @Column(name = "note", length = 2000)
    public String note;
    @Column(name = "population", precision = 12, scale = 0)
    public BigDecimal population;
    @Column(name = "military_personnel", precision = 12, scale = 0)
    public BigDecimal militaryPersonnel;
    @Column(name = "price_index", precision = 12, scale = 4)
    public BigDecimal priceIndex;

    @Column(name = "content_hash", length = 64, nullable = false)
    public String contentHash;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /**
     * Since when these figures were known: the day the source published them (an import's publishedOn, 00:00 UTC),
     * else {@link #receivedAt}. Which revision is current is decided on it (see {@code SubmissionService#decide}).
     */
    @Column(name = "known_since", nullable = false)
    public Instant knownSince;

    @Column(name = "submitted_by", length = 200, nullable = false)
    public String submittedBy;

    @Column(name = "import_id", length = 36)
    public String importId;

    /**
     * A revision of {@code country} {@code year} holding {@code c}, not yet numbered nor placed in the feed: storing it
     * gives it both.
     */
    static SubmissionRevision unnumbered(String country, int year, RevisionContent c, String contentHash,
                                         Instant receivedAt, Instant knownSince, String submittedBy) {
        SubmissionRevision r = new SubmissionRevision();
        r.country = country;
        r.year = year;
        r.fill(c, contentHash);
        r.receivedAt = receivedAt;
        r.knownSince = knownSince;
        r.submittedBy = submittedBy;
        return r;
    }

    /** @param contentHash {@code c.contentHash()}, which the caller has already computed to decide */
    public void fill(RevisionContent c, String contentHash) {
        kind = c.kind();
        status = c.status();
        currency = c.currency();
        gdp = c.gdp();
        defenceTotal = c.defenceTotal();
        equipment = c.equipment();
        personnel = c.personnel();
        infrastructure = c.infrastructure();
        other = c.other();
        ukraineSupport = c.ukraineSupport();
        criticalInfrastructure = c.criticalInfrastructure();
        cyberAndNetworks = c.cyberAndNetworks();
        civilPreparedness = c.civilPreparedness();
        innovation = c.innovation();
        industrialBase = c.industrialBase();
        usdRate = c.usdRate();
        defencePctGdp = c.defencePctGdp();
        equipmentPct = c.equipmentPct();
        personnelPct = c.personnelPct();
        realChangePct = c.realChangePct();
        source = c.source();
        note = c.note();
        population = c.population();
        militaryPersonnel = c.militaryPersonnel();
        priceIndex = c.priceIndex();
        this.contentHash = contentHash;
    }
}
