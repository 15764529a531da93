package io.pledgewatch.ingest.submission;

import java.math.BigDecimal;

/** The body of {@code PUT /api/v1/submissions/{country}/{year}} exactly as the contract names it. */
public record SubmissionPayload(String status, String currency, BigDecimal gdp, Defence defence, Related related,
                                BigDecimal usdRate, String note, BigDecimal population, BigDecimal militaryPersonnel,
                                BigDecimal priceIndex) {

    /** NATO's definition of defence expenditure ("core"), by category. */
    public record Defence(BigDecimal total, BigDecimal equipment, BigDecimal personnel, BigDecimal infrastructure,
                          BigDecimal other, BigDecimal ukraineSupport) {
    }

    /** Defence- and security-related spending counted towards The Hague's 1.5% line. */
    public record Related(BigDecimal criticalInfrastructure, BigDecimal cyberAndNetworks, BigDecimal civilPreparedness,
                          BigDecimal innovation, BigDecimal industrialBase) {
    }
}
