package io.pledgewatch.ingest.submission;

import io.pledgewatch.platform.Digests;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The validated figures of one revision: either amounts in national currency, or a ratio that NATO
 * published (historical imports). Amounts are normalised (no trailing zeros) so that equal figures written
 * differently ("4584000000" and 4.584E9) are recognised as the same revision.
 */
public record RevisionContent(Kind kind, Status status, String currency, BigDecimal gdp,
                              BigDecimal defenceTotal, BigDecimal equipment, BigDecimal personnel,
                              BigDecimal infrastructure, BigDecimal other, BigDecimal ukraineSupport,
                              BigDecimal criticalInfrastructure, BigDecimal cyberAndNetworks,
                              BigDecimal civilPreparedness, BigDecimal innovation, BigDecimal industrialBase,
                              BigDecimal usdRate, BigDecimal defencePctGdp, BigDecimal equipmentPct,
                              String source, String note, BigDecimal population, BigDecimal militaryPersonnel,
                              BigDecimal priceIndex, BigDecimal personnelPct, BigDecimal realChangePct) {

    public enum Kind { AMOUNTS, PUBLISHED_RATIO }

    public static RevisionContent amounts(Status status, String currency, BigDecimal gdp, BigDecimal total,
                                          BigDecimal equipment, BigDecimal personnel, BigDecimal infrastructure,
                                          BigDecimal other, BigDecimal ukraineSupport, BigDecimal criticalInfrastructure,
                                          BigDecimal cyberAndNetworks, BigDecimal civilPreparedness,
                                          BigDecimal innovation, BigDecimal industrialBase, BigDecimal usdRate,
                                          String note, BigDecimal population, BigDecimal militaryPersonnel,
                                          BigDecimal priceIndex) {
        return new RevisionContent(Kind.AMOUNTS, status, currency, norm(gdp), norm(total), norm(equipment),
                norm(personnel), norm(infrastructure), norm(other), norm(ukraineSupport), norm(criticalInfrastructure),
                norm(cyberAndNetworks), norm(civilPreparedness), norm(innovation), norm(industrialBase), norm(usdRate),
                null, null, null, note, norm(population), norm(militaryPersonnel), norm(priceIndex), null, null);
    }

    /** @param personnelPct and {@code realChangePct} (optional) as NATO's tables give them, like {@code equipmentPct} */
    public static RevisionContent publishedRatio(Status status, String currency, BigDecimal defencePctGdp,
                                                 BigDecimal equipmentPct, BigDecimal personnelPct,
                                                 BigDecimal realChangePct, String source, String note) {
        return new RevisionContent(Kind.PUBLISHED_RATIO, status, currency, null, null, null, null, null, null, null,
                null, null, null, null, null, null, norm(defencePctGdp), norm(equipmentPct), source, note, null, null, null,
                norm(personnelPct), norm(realChangePct));
    }

    /**
     * A digest of everything a revision says; equal digests mean "identical body, no new revision". The fields of
     * a later release (the second's population, personnel and price index; the third's published personnel share
     * and real change) are digested only when present, so a revision stored before they existed keeps its digest
     * and an identical retry of it still creates no new revision.
     */
    public String contentHash() {
        Stream<Object> fields = Stream.of(kind, status, currency, gdp, defenceTotal, equipment, personnel, infrastructure,
                other, ukraineSupport, criticalInfrastructure, cyberAndNetworks, civilPreparedness, innovation,
                industrialBase, usdRate, defencePctGdp, equipmentPct, source, note);
        fields = whenPresent(fields, population, militaryPersonnel, priceIndex);
        fields = whenPresent(fields, personnelPct, realChangePct);
        String canonical = fields
                .map(v -> v instanceof BigDecimal d ? d.toPlainString() : Objects.toString(v, "\u2400"))
                .collect(Collectors.joining("\u241F"));
        return Digests.sha256(canonical);
    }

    /** {@code fields}, followed by {@code release}'s fields when any of them is present. */
    private static Stream<Object> whenPresent(Stream<Object> fields, Object... release) {
        return Stream.of(release).anyMatch(Objects::nonNull) ? Stream.concat(fields, Stream.of(release)) : fields;
    }

    static BigDecimal norm(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
