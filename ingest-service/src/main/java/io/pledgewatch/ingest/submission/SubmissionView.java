package io.pledgewatch.ingest.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A revision as clients read it (GET, history, list and feed). Amounts come back as plain JSON numbers in
 * whole currency units; a published-ratio revision carries {@code publishedRatio} instead of amounts.
 * {@code knownSince} is what a follower decides the current revision by (the latest; ties: the later feed position),
 * as ingest does; {@code source} is where a published figure comes from (null for a nation's own amounts).
 * An import's dry run shows the revisions it would store in this shape too, unnumbered, each with its CSV {@code line}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionView(String country, int year, int revision, long seq, Instant receivedAt, Instant knownSince,
                             @JsonInclude(JsonInclude.Include.ALWAYS) String source, String submittedBy,
                             RevisionContent.Kind kind, Status status, String currency, BigDecimal gdp,
                             SubmissionPayload.Defence defence, SubmissionPayload.Related related, BigDecimal usdRate,
                             String note, BigDecimal population, BigDecimal militaryPersonnel, BigDecimal priceIndex,
                             PublishedRatio publishedRatio, boolean assessed, String notAssessedReason,
                             Integer line) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublishedRatio(BigDecimal defencePctGdp, BigDecimal equipmentPct, BigDecimal personnelPct,
                                 BigDecimal realChangePct, String source) {
    }

    public static SubmissionView of(SubmissionRevision r) {
        return of(r, null);
    }

    /** @param line the CSV line an import's dry run read the revision from; null (left out) for a stored revision */
    static SubmissionView of(SubmissionRevision r, Integer line) {
        Ally ally = Allies.get().find(r.country).orElseThrow();
        String notAssessed = !ally.isAssessed() ? ally.name() + " has no armed forces and is not assessed against the targets"
                : !ally.isAllyIn(r.year) ? ally.name() + " was not yet an Ally in " + r.year : null;
        boolean amounts = r.kind == RevisionContent.Kind.AMOUNTS;
        return new SubmissionView(r.country, r.year, r.revision, r.feedSeq, r.receivedAt, r.knownSince, r.source,
                r.submittedBy, r.kind,
                r.status, r.currency, n(r.gdp),
                amounts ? new SubmissionPayload.Defence(n(r.defenceTotal), n(r.equipment), n(r.personnel),
                        n(r.infrastructure), n(r.other), n(r.ukraineSupport)) : null,
                amounts ? new SubmissionPayload.Related(n(r.criticalInfrastructure), n(r.cyberAndNetworks),
                        n(r.civilPreparedness), n(r.innovation), n(r.industrialBase)) : null,
                n(r.usdRate), r.note, n(r.population), n(r.militaryPersonnel), n(r.priceIndex),
                amounts ? null : new PublishedRatio(n(r.defencePctGdp), n(r.equipmentPct), n(r.personnelPct),
                        n(r.realChangePct), r.source),
                notAssessed == null, notAssessed, line);
    }

    public String etag() {
        return ETags.of(revision);
    }

    private static BigDecimal n(BigDecimal v) {
        return RevisionContent.norm(v);
    }
}
