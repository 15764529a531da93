package io.pledgewatch.compliance.alliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pledgewatch.compliance.assessment.RevisionHistoryRepository.EditionRow;
import io.pledgewatch.compliance.assessment.RevisionHistoryRepository.PublishedFigure;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * NATO's editions loaded (newest first) and what the latest restated: every (country, year) that both of the two latest
 * editions give, whose defence expenditure in % of GDP differs as NATO prints it (two decimals), old ({@code from}) →
 * new ({@code to}), the largest change first (ties: country, year). An edition is the published ratios that came with
 * one source on one day.
 *
 * <p>Compared at the printed precision because an edition's workbook may carry more digits than its tables (the 2025
 * edition's 4.4805 is the 4.48 its Table 3 prints): the extra digits would make every figure "revised".
 *
 * @param asOf the day asked as of, null for now
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Editions(LocalDate asOf, List<Edition> editions, EditionRef from, EditionRef to, List<Change> changes) {

    static final int PRINTED_DECIMALS = 2;

    /** @param rows how many (country, year) figures it gives */
    public record Edition(String source, LocalDate publishedOn, long nations, long rows) {
    }

    public record EditionRef(String source, LocalDate publishedOn) {
    }

    /** Percentages as NATO prints them (two decimals); {@code change} = new − old of those. */
    public record Change(String country, int year, BigDecimal old, @JsonProperty("new") BigDecimal newValue,
                         BigDecimal change) {
    }

    /**
     * @param editions newest first
     * @param from the second-latest edition's figures, {@code to} the latest's (ignored when fewer than two editions)
     */
    public static Editions of(LocalDate asOf, List<EditionRow> editions, List<PublishedFigure> from,
                              List<PublishedFigure> to) {
        List<Edition> listed = editions.stream().map(e -> new Edition(e.source(), day(e), e.nations(), e.rows())).toList();
        return new Editions(asOf, listed, editions.size() < 2 ? null : ref(editions.get(1)),
                editions.isEmpty() ? null : ref(editions.getFirst()),
                editions.size() < 2 ? List.of() : changes(from, to));
    }

    static List<Change> changes(List<PublishedFigure> from, List<PublishedFigure> to) {
        Map<String, BigDecimal> old = from.stream().collect(Collectors.toMap(Editions::key, f -> printed(f.defencePctGdp())));
        return to.stream().filter(f -> old.containsKey(key(f)) && old.get(key(f)).compareTo(printed(f.defencePctGdp())) != 0)
                .map(f -> {
                    BigDecimal now = printed(f.defencePctGdp());
                    return new Change(f.country(), f.year(), old.get(key(f)), now, now.subtract(old.get(key(f))));
                })
                .sorted(Comparator.comparing((Change c) -> c.change().abs()).reversed()
                        .thenComparing(Change::country).thenComparing(Change::year))
                .toList();
    }

    /** A percentage of GDP as NATO's tables print it. */
    static BigDecimal printed(BigDecimal pct) {
        return pct.setScale(PRINTED_DECIMALS, RoundingMode.HALF_UP);
    }

    private static String key(PublishedFigure f) {
        return f.country() + "-" + f.year();
    }

    private static LocalDate day(EditionRow e) {
        return LocalDate.ofInstant(e.knownSince(), ZoneOffset.UTC);
    }

    private static EditionRef ref(EditionRow e) {
        return new EditionRef(e.source(), day(e));
    }
}
