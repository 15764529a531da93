package io.pledgewatch.ingest.submission;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One revision of a submission (a row of table {@code submission_revision}; columns in {@link SubmissionStore}). Rows
 * are only ever inserted: history is never overwritten.
 */
public class SubmissionRevision {

    public Long id;

    public Long submissionId;

    public String country;

    public int year;

    public int revision;

    /** Position in the change feed; see {@link io.pledgewatch.ingest.feed.FeedSequencer} for its guarantee. */
    public long feedSeq;

    public RevisionContent.Kind kind;

    public String status;

    public String currency;

    public BigDecimal gdp;
    public BigDecimal defenceTotal;
    public BigDecimal equipment;
    public BigDecimal personnel;
    public BigDecimal infrastructure;
    public BigDecimal other;
    public BigDecimal ukraineSupport;
    public BigDecimal criticalInfrastructure;
    public BigDecimal cyberAndNetworks;
    public BigDecimal civilPreparedness;
    public BigDecimal innovation;
    public BigDecimal industrialBase;
    public BigDecimal usdRate;
    public BigDecimal defencePctGdp;
    public BigDecimal equipmentPct;
    public String source;
    public String note;
    public BigDecimal population;
    public BigDecimal militaryPersonnel;
    public BigDecimal priceIndex;

    public String contentHash;

    public Instant receivedAt;

    public String submittedBy;

    public String importId;

    public RevisionContent content() {
        return new RevisionContent(kind, status, currency, gdp, defenceTotal, equipment, personnel, infrastructure,
                other, ukraineSupport, criticalInfrastructure, cyberAndNetworks, civilPreparedness, innovation,
                industrialBase, usdRate, defencePctGdp, equipmentPct, source, note, population, militaryPersonnel,
                priceIndex);
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
        source = c.source();
        note = c.note();
        population = c.population();
        militaryPersonnel = c.militaryPersonnel();
        priceIndex = c.priceIndex();
        this.contentHash = contentHash;
    }
}
