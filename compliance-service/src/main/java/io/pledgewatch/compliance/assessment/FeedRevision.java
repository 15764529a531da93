package io.pledgewatch.compliance.assessment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One revision as ingest's feed carries it: what an assessment is made from. A tolerant reader: fields ingest adds
 * later are ignored. The follower fetches pages of these; {@link AssessmentService#apply} stores and scores them.
 * {@code knownSince} (since when ingest knew the figures: an edition's publication day, or the receipt) decides which
 * revision of a key is current; a feed from before it existed sends none, and the receipt stands in. An import's dry
 * run answers the revisions it would store in this shape too, unnumbered, each with the CSV {@code line} it came from
 * (absent in the feed).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedRevision(String country, int year, int revision, long seq, Instant receivedAt, Instant knownSince,
                           RevisionKind kind,
                           SubmissionStatus status, String currency, BigDecimal gdp, Defence defence, Related related,
                           BigDecimal usdRate, BigDecimal population, BigDecimal militaryPersonnel,
                           BigDecimal priceIndex, PublishedRatio publishedRatio, Integer line) {

    /** The figures as scoring reads them: the same conversion as a stored revision's, through {@link RevisionInput}. */
    public ScoringInput toScoringInput() {
        RevisionInput figures = new RevisionInput();
        figures.fill(this);
        return figures.toScoringInput();
    }

    public Instant knownSinceOrReceipt() {
        return knownSince != null ? knownSince : receivedAt;
    }

    public boolean isPublishedRatio() {
        return kind == RevisionKind.PUBLISHED_RATIO;
    }

    public BigDecimal relatedTotal() {
        if (related == null) {
            return BigDecimal.ZERO;
        }
        return nz(related.criticalInfrastructure()).add(nz(related.cyberAndNetworks()))
                .add(nz(related.civilPreparedness())).add(nz(related.innovation())).add(nz(related.industrialBase()));
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Defence(BigDecimal total, BigDecimal equipment, BigDecimal personnel, BigDecimal infrastructure,
                          BigDecimal other, BigDecimal ukraineSupport) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Related(BigDecimal criticalInfrastructure, BigDecimal cyberAndNetworks, BigDecimal civilPreparedness,
                          BigDecimal innovation, BigDecimal industrialBase) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublishedRatio(BigDecimal defencePctGdp, BigDecimal equipmentPct, BigDecimal personnelPct,
                                 BigDecimal realChangePct, String source) {
    }
}
