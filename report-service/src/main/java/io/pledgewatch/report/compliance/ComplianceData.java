package io.pledgewatch.report.compliance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** compliance-service's JSON as this service reads it (tolerant: unknown fields are ignored). */
public final class ComplianceData {

    private ComplianceData() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assessment(String country, int year, int revision, String kind, String submissionStatus,
                             String currency, BigDecimal score, boolean assessed, String notAssessedReason,
                             Map<String, String> ruleSets, Baseline baseline, Values values, List<Target> targets,
                             List<String> notes, Instant assessedAt, Measures measures, String source) {

        public Assessment(String country, int year, int revision, String kind, String submissionStatus, String currency,
                          BigDecimal score, boolean assessed, String notAssessedReason, Map<String, String> ruleSets,
                          Baseline baseline, Values values, List<Target> targets, List<String> notes, Instant assessedAt) {
            this(country, year, revision, kind, submissionStatus, currency, score, assessed, notAssessedReason, ruleSets,
                    baseline, values, targets, notes, assessedAt, null, null);
        }

        /** The analyst measures, when the revision carries amounts or NATO published some beside its ratio. */
        public Optional<Measures> analyst() {
            return Optional.ofNullable(measures).filter(m -> m.shares() != null || m.usd() != null || m.published());
        }

        /** The measures shown are NATO's published figures (shares, real change), not computed from amounts. */
        public boolean publishedMeasures() {
            return measures != null && measures.published();
        }

        public Target target(String ruleSet, String target) {
            return targets == null ? null : targets.stream()
                    .filter(t -> ruleSet.equals(t.ruleSet()) && target.equals(t.target())).findFirst().orElse(null);
        }
    }

    /**
     * The analyst block of an assessment; a measure without its inputs is null ("not reported"). {@code published}:
     * a ratio NATO published, whose equipment and personnel shares and real change are the edition's own.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Measures(Shares shares, Ukraine ukraine, UsdAmounts usd, BigDecimal perCapitaUsd,
                           BigDecimal perSoldierUsd, BigDecimal constant, BigDecimal realChange, List<String> missing,
                           boolean published) {

        public Measures(Shares shares, Ukraine ukraine, UsdAmounts usd, BigDecimal perCapitaUsd, BigDecimal perSoldierUsd,
                        BigDecimal constant, BigDecimal realChange, List<String> missing) {
            this(shares, ukraine, usd, perCapitaUsd, perSoldierUsd, constant, realChange, missing, false);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shares(BigDecimal equipment, BigDecimal personnel, BigDecimal infrastructure, BigDecimal other) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ukraine(BigDecimal pctOfDefence, BigDecimal pctOfGdp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UsdAmounts(BigDecimal defence, BigDecimal gdp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Baseline(BigDecimal core, BigDecimal total, String source, boolean defaulted) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Values(BigDecimal core, BigDecimal equipment, BigDecimal related, BigDecimal credited,
                         BigDecimal hague) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String ruleSet, String target, BigDecimal value, BigDecimal threshold, BigDecimal path,
                         String status, BigDecimal score, Gap gapToPath, Gap gapToTarget) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gap(BigDecimal points, BigDecimal amount, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alliance(int year, int assessed, int atOrAbove2, int atOrAbove3_5, int atOrAbove5,
                           Integer onPathCore, Integer onPathTotal, BigDecimal medianCore, BigDecimal meanCore,
                           Usd usd, List<String> notAssessed, List<String> noData, String ruleSets, Totals totals,
                           Coverage coverage, PlanCounts plans) {

        public Alliance(int year, int assessed, int atOrAbove2, int atOrAbove3_5, int atOrAbove5, Integer onPathCore,
                        Integer onPathTotal, BigDecimal medianCore, BigDecimal meanCore, Usd usd, List<String> notAssessed,
                        List<String> noData, String ruleSets) {
            this(year, assessed, atOrAbove2, atOrAbove3_5, atOrAbove5, onPathCore, onPathTotal, medianCore, meanCore, usd,
                    notAssessed, noData, ruleSets, null, null, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totals(Group alliance, Group europeCanada, Group unitedStates, BigDecimal europeCanadaToUs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(BigDecimal defenceUsd, BigDecimal gdpUsd, BigDecimal pctOfGdp, int nations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coverage(int withAmounts, int withUsdRate, int ratioOnly) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanCounts(int credible, int notCredible, int none) {
    }

    /** A nation's Hague annual plan as compliance-service judged it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(String country, String name, boolean credible, Checks checks, Shortfall firstShortfall,
                       List<PlanYear> years) {

        /** Whether the Ally has a plan at all: amounts for some year (a published ratio counts for none). */
        public boolean hasFigures() {
            return years != null && years.stream().anyMatch(PlanYear::amounts);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Checks(boolean complete, boolean incremental, boolean onPath, boolean reaches2035) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shortfall(int year, String check, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanYear(int year, String status, boolean amounts, BigDecimal core, BigDecimal hague, BigDecimal path35,
                           BigDecimal path5, String coreStatus, String totalStatus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usd(BigDecimal europeCanada, BigDecimal unitedStates, int nationsWithoutRate,
                      int nationsWithoutAmounts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleSet(String id, String version, String title, String source, int firstYear, int lastYear,
                          BigDecimal relatedCap, Integer baselineYear, BigDecimal defaultBaseline, Integer dueYear,
                          List<TargetRule> targets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TargetRule(String target, String measure, BigDecimal threshold, String kind) {
    }

    /**
     * NATO's editions loaded as of a day ({@code GET /api/v1/alliance/editions}), newest first; {@code from} and
     * {@code to} the two latest (null when fewer are loaded) and what changed between them, largest change first.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Editions(LocalDate asOf, List<Edition> editions, Edition from, Edition to,
                           List<EditionChange> changes) {

        public static final Editions NONE = new Editions(null, List.of(), null, null, List.of());

        public List<Edition> loaded() {
            return editions == null ? List.of() : editions;
        }

        public List<EditionChange> changeList() {
            return changes == null ? List.of() : changes;
        }
    }

    /** One edition as loaded: the import's source and publication day; {@code nations} and {@code rows} it holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Edition(String source, LocalDate publishedOn, Integer nations, Integer rows) {
    }

    /** A published figure (% of GDP) one edition restated: {@code change} = revised − old. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EditionChange(String country, int year, BigDecimal old, @JsonProperty("new") BigDecimal revised,
                                BigDecimal change) {
    }

    /** One nation's years, oldest first ({@code GET /series/{country}}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Series(String country, String name, List<SeriesPoint> years) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SeriesPoint(int year, int revision, String kind, String status, String currency, boolean assessed,
                              BigDecimal core, BigDecimal hague, BigDecimal equipment, BigDecimal score) {
    }

    /** What a credible plan needs each year ({@code GET /plans/{country}/requirements}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requirements(String country, String name, BigDecimal gdpGrowth, List<RequiredYear> years) {
    }

    /**
     * The least core and Hague spending that keeps the plan credible that year, and the GDP it rests on
     * ({@code gdpSource}: revision, grown from {@code gdpFromYear}, or none).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequiredYear(int year, String currency, BigDecimal gdp, String gdpSource, Integer gdpFromYear,
                               BigDecimal core, BigDecimal coreAmount, BigDecimal hague, BigDecimal hagueAmount) {
    }
}
