package io.pledgewatch.ingest.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
import java.util.List;

/** One revision of a submission. Rows are only ever inserted: history is never overwritten. */
@Entity
@Table(name = "submission_revision")
public class SubmissionRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revision_ids")
    @SequenceGenerator(name = "revision_ids", sequenceName = "submission_revision_seq", allocationSize = 50)
    public Long id;

    @Column(name = "submission_id", nullable = false)
    public Long submissionId;

    @Column(nullable = false, length = 3)
    public String country;

    @Column(name = "budget_year", nullable = false)
    public int year;

    @Column(nullable = false)
    public int revision;

    /** Position in the change feed; see {@link io.pledgewatch.ingest.feed.FeedSequencer} for its guarantee. */
    @Column(name = "feed_seq", nullable = false, unique = true)
    public long feedSeq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RevisionContent.Kind kind;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(nullable = false, length = 3)
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
    @Column(name = "related_critical_infrastructure")
    public BigDecimal criticalInfrastructure;
    @Column(name = "related_cyber_and_networks")
    public BigDecimal cyberAndNetworks;
    @Column(name = "related_civil_preparedness")
    public BigDecimal civilPreparedness;
    @Column(name = "related_innovation")
    public BigDecimal innovation;
    @Column(name = "related_industrial_base")
    public BigDecimal industrialBase;
    @Column(name = "usd_rate")
    public BigDecimal usdRate;
    @Column(name = "defence_pct_gdp")
    public BigDecimal defencePctGdp;
    @Column(name = "equipment_pct")
    public BigDecimal equipmentPct;
    @Column(length = 500)
    public String source;
    @Column(length = 2000)
    public String note;
    public BigDecimal population;
    @Column(name = "military_personnel")
    public BigDecimal militaryPersonnel;
    @Column(name = "price_index")
    public BigDecimal priceIndex;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "submitted_by", nullable = false, length = 200)
    public String submittedBy;

    @Column(name = "import_id", length = 36)
    public String importId;

    public static List<SubmissionRevision> history(Submission head) {
        return list("submissionId = ?1 order by revision", head.id);
    }

    public static List<SubmissionRevision> currentOf(List<Submission> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        return list("from SubmissionRevision r where exists (select 1 from Submission s where s.id = r.submissionId"
                + " and s.currentRevision = r.revision and s.id in ?1) order by r.country, r.year",
                heads.stream().map(h -> h.id).toList());
    }

    public RevisionContent content() {
        return new RevisionContent(kind, status, currency, gdp, defenceTotal, equipment, personnel, infrastructure,
                other, ukraineSupport, criticalInfrastructure, cyberAndNetworks, civilPreparedness, innovation,
                industrialBase, usdRate, defencePctGdp, equipmentPct, source, note, population, militaryPersonnel,
                priceIndex);
    }

    public void fill(RevisionContent c) {
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
        source = c.source();
        note = c.note();
        population = c.population();
        militaryPersonnel = c.militaryPersonnel();
        priceIndex = c.priceIndex();
        contentHash = c.contentHash();
    }
}
