package io.pledgewatch.ingest.submission;

import io.pledgewatch.ingest.submission.constraints.AllyInYear;
import io.pledgewatch.ingest.submission.constraints.Decimals;
import io.pledgewatch.ingest.submission.constraints.NationalCurrency;
import io.pledgewatch.ingest.submission.constraints.NonZero;
import io.pledgewatch.ingest.submission.constraints.Text;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * A ratio NATO published, as a staff import's row carries it: defence expenditure as a percentage of GDP, optionally
 * equipment and personnel as percentages of defence and the annual real change of defence expenditure (the 2026
 * edition's Tables 8a and 3), with its source. The currency may be left out (it is the Ally's in that
 * year); a year before accession is accepted (see {@link AllyInYear}).
 */
@AllyInYear(beforeAccession = true)
public record PublishedRatio(
        @NotNull(message = "is required: one of " + Status.NAMES) @StatusName String status,
        @NationalCurrency(required = false) String currency,
        @NotNull(message = "is required") @NonZero
        @DecimalMin(value = "0", message = "must be a percentage between 0 and 100")
        @DecimalMax(value = "100", message = "must be a percentage between 0 and 100")
        @Decimals(6) BigDecimal defencePctGdp,
        @DecimalMin(value = "0", message = "must be a percentage between 0 and 100")
        @DecimalMax(value = "100", message = "must be a percentage between 0 and 100")
        @Decimals(6) BigDecimal equipmentPct,
        @DecimalMin(value = "0", message = "must be a percentage between 0 and 100")
        @DecimalMax(value = "100", message = "must be a percentage between 0 and 100")
        @Decimals(6) BigDecimal personnelPct,
        // A real change may be a cut (down to -100%, nothing left) or a rise of several times; beyond ten times the
        // year before is a typing error, not a budget.
        @DecimalMin(value = "-100", message = "must be a change in percent between -100 and 1000")
        @DecimalMax(value = "1000", message = "must be a change in percent between -100 and 1000")
        @Decimals(6) BigDecimal realChangePct,
        @NotBlank(message = "a published ratio needs its source (a 'source' column or the ?source= parameter)")
        @Text(max = SubmissionRules.SOURCE_MAX) String source,
        @Text(max = SubmissionRules.NOTE_MAX) String note) {
}
