package io.pledgewatch.compliance.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a credible plan needs of one Ally ({@code GET /api/v1/plans/{country}/requirements}): for every plan year the
 * least core and total spending, in % of GDP (four decimals, as plans show them) and in the year's national currency
 * (whole units, rounded up, so the amount itself is enough; null without a GDP), and which GDP the amounts rest on.
 *
 * @param gdpGrowth the nominal growth a year, in %, by which a year without GDP of its own was grown
 * @param baseline  where both paths start (as in the plan)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Requirements(String country, String name, Instant asOf, BigDecimal gdpGrowth, Plan.Baseline baseline,
                           List<Year> years) {

    /**
     * @param currency    the currency of the year's amounts (Bulgaria's change to the euro in 2026 included)
     * @param gdp         the GDP the amounts rest on, in {@code currency}; null when the nation has reported none
     * @param gdpSource   where {@code gdp} comes from
     * @param gdpFromYear the year whose reported GDP was grown (null unless {@code gdpSource} is {@code grown})
     * @param core        the least core defence spending in % of GDP (on the core path, never below the year before),
     *                    named as a plan's years name core%; {@code coreAmount} the same in {@code currency}
     * @param hague       the least total in % of GDP: core plus related spending credited up to the cap (on the total
     *                    path); {@code hagueAmount} the same in {@code currency}
     * @param related     what related spending must add to the least core to make the least total (at most the cap);
     *                    {@code relatedAmount} the same in {@code currency}
     */
    public record Year(int year, String currency, BigDecimal gdp, GdpSource gdpSource, Integer gdpFromYear,
                       BigDecimal core, BigDecimal coreAmount, BigDecimal hague, BigDecimal hagueAmount,
                       BigDecimal related, BigDecimal relatedAmount) {
    }

    public enum GdpSource {
        /** the nation's current revision for that year */
        REVISION("revision"),
        /** grown (or, before its first reported GDP, shrunk back) from the nearest year with a reported GDP */
        GROWN("grown"),
        /** the nation has reported no GDP for any year */
        NONE("none");

        private final String json;

        GdpSource(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }
    }
}
