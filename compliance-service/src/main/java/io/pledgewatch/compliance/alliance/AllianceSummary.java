package io.pledgewatch.compliance.alliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The Alliance at a glance for one year (contract names fixed; extra fields are additions); {@code asOf} is the day it
 * was asked as of, absent for now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AllianceSummary(int year, int assessed, int atOrAbove2, int atOrAbove3_5, int atOrAbove5,
                              Integer onPathCore, Integer onPathTotal, BigDecimal medianCore, BigDecimal meanCore,
                              Usd usd, List<String> notAssessed, List<String> noData, String ruleSets, Totals totals,
                              Coverage coverage, Plans plans, LocalDate asOf) {

    public AllianceSummary withAsOf(LocalDate day) {
        return new AllianceSummary(year, assessed, atOrAbove2, atOrAbove3_5, atOrAbove5, onPathCore, onPathTotal,
                medianCore, meanCore, usd, notAssessed, noData, ruleSets, totals, coverage, plans, day);
    }

    /**
     * What the Alliance spends in all, at current prices and exchange rates, on the nations whose revision carries
     * amounts and a USD rate (Iceland excluded): {@code pctOfGdp} = 100 × Σ defenceUsd / Σ gdpUsd.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Totals(Group alliance, Group europeCanada, Group unitedStates, BigDecimal europeCanadaToUs) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Group(BigDecimal defenceUsd, BigDecimal gdpUsd, BigDecimal pctOfGdp, int nations) {
    }

    /** How many assessed Allies the totals rest on. */
    public record Coverage(int withAmounts, int withUsdRate, int ratioOnly) {
    }

    /** The Hague annual plans: credible, not credible, and Allies with no figures for any plan year. */
    public record Plans(int credible, int notCredible, int none) {
    }

    /**
     * Defence expenditure in USD at the submitted annual-average rates; nations whose amounts lack a rate,
     * or which only have a published ratio, are counted rather than guessed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Usd(BigDecimal europeCanada, BigDecimal unitedStates, int nationsWithoutRate,
                      int nationsWithoutAmounts) {
    }
}
