package io.pledgewatch.compliance.alliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** The Alliance at a glance for one year (contract names fixed; extra fields are additions). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AllianceSummary(int year, int assessed, int atOrAbove2, int atOrAbove3_5, int atOrAbove5,
                              Integer onPathCore, Integer onPathTotal, BigDecimal medianCore, BigDecimal meanCore,
                              Usd usd, List<String> notAssessed, List<String> noData, String ruleSets) {

    /**
     * Defence expenditure in USD at the submitted annual-average rates; nations whose amounts lack a rate,
     * or which only have a published ratio, are counted rather than guessed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Usd(BigDecimal europeCanada, BigDecimal unitedStates, int nationsWithoutRate,
                      int nationsWithoutAmounts) {
    }
}
