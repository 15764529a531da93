package io.pledgewatch.ingest.submission;

import io.pledgewatch.ingest.submission.constraints.AllyInYear;
import io.pledgewatch.ingest.submission.constraints.Amount;
import io.pledgewatch.ingest.submission.constraints.Decimals;
import io.pledgewatch.ingest.submission.constraints.NationalCurrency;
import io.pledgewatch.ingest.submission.constraints.NonZero;
import io.pledgewatch.ingest.submission.constraints.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * The body of {@code PUT /api/v1/submissions/{country}/{year}} exactly as the contract names it, and an amounts row
 * of a CSV import; its constraints are the contract's rules for a submission (see {@link SubmissionRules}).
 */
@AllyInYear
@ConsistentAmounts
public record SubmissionPayload(
        @NotNull(message = "is required: one of " + Status.NAMES) @StatusName String status,
        @NationalCurrency(required = true) String currency,
        @NotNull(message = "is required") @Amount @NonZero BigDecimal gdp,
        @NotNull(message = "is required") @Valid Defence defence,
        @Valid Related related,
        @Positive(message = "must be greater than 0 (national currency units per USD)")
        @DecimalMax(value = "1e9", inclusive = false, message = "is implausibly large (must be below 1000000000)")
        @Decimals(8) BigDecimal usdRate,
        @Text(max = SubmissionRules.NOTE_MAX) String note,
        @Positive(message = "must be greater than 0 (residents, annual average)")
        @Decimals(value = 0, message = "must be a whole number (residents, annual average)")
        @DecimalMax(value = "1e10", inclusive = false, message = "is implausibly large (must be below 10000000000)")
        BigDecimal population,
        @Positive(message = "must be greater than 0 (persons, NATO definition)")
        @Decimals(value = 0, message = "must be a whole number (persons, NATO definition)")
        @DecimalMax(value = "1e10", inclusive = false, message = "is implausibly large (must be below 10000000000)")
        BigDecimal militaryPersonnel,
        @Positive(message = "must be greater than 0 (the GDP deflator, 2021 = 100)")
        @Decimals(4)
        @DecimalMax(value = "1e6", inclusive = false, message = "is implausibly large (must be below 1000000)")
        BigDecimal priceIndex) {

    /** NATO's definition of defence expenditure ("core"), by category. */
    public record Defence(@NotNull(message = "is required") @Amount BigDecimal total,
                          @NotNull(message = "is required") @Amount BigDecimal equipment,
                          @NotNull(message = "is required") @Amount BigDecimal personnel,
                          @NotNull(message = "is required") @Amount BigDecimal infrastructure,
                          @NotNull(message = "is required") @Amount BigDecimal other,
                          @Amount BigDecimal ukraineSupport) {
    }

    /** Defence- and security-related spending counted towards The Hague's 1.5% line. */
    public record Related(@Amount BigDecimal criticalInfrastructure, @Amount BigDecimal cyberAndNetworks,
                          @Amount BigDecimal civilPreparedness, @Amount BigDecimal innovation,
                          @Amount BigDecimal industrialBase) {
    }
}
