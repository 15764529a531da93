package io.pledgewatch.compliance.alliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pledgewatch.compliance.assessment.RevisionHistoryRepository.EditionRow;
import io.pledgewatch.compliance.assessment.RevisionHistoryRepository.PublishedFigure;
import io.pledgewatch.compliance.assessment.ScoringEngine;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * NATO's editions loaded (newest first) and what the latest restated: every (country, year) that both of the two latest
 * editions give, whose defence expenditure in % of GDP differs, old ({@code from}) → new ({@code to}), the largest
 * change first (ties: country, year). An edition is the published ratios that came with one source on one day.
 *
 * @param asOf the day asked as of, null for now
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Editions(LocalDate asOf, List<Edition> editions, EditionRef from, EditionRef to, List<Change> changes) {

    /** @param rows how many (country, year) figures it gives */
    public record Edition(String source, LocalDate publishedOn, long nations, long rows) {
    }

    public record EditionRef(String source, LocalDate publishedOn) {
    }

    /** Percentages rounded as the assessments show them; {@code change} = new − old, from the unrounded figures. */
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
        Map<String, BigDecimal> old = from.stream().collect(Collectors.toMap(Editions::key, PublishedFigure::defencePctGdp));
        record Changed(PublishedFigure now, BigDecimal before, BigDecimal by) {
        }
        return to.stream().filter(f -> old.containsKey(key(f)) && old.get(key(f)).compareTo(f.defencePctGdp()) != 0)
                .map(f -> new Changed(f, old.get(key(f)), f.defencePctGdp().subtract(old.get(key(f)))))
                .sorted(Comparator.comparing((Changed c) -> c.by().abs()).reversed()
                        .thenComparing(c -> c.now().country()).thenComparing(c -> c.now().year()))
                .map(c -> new Change(c.now().country(), c.now().year(), ScoringEngine.round(c.before()),
                        ScoringEngine.round(c.now().defencePctGdp()), ScoringEngine.round(c.by())))
                .toList();
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
