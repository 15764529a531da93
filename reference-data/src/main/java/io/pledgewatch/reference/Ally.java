package io.pledgewatch.reference;

import java.math.BigDecimal;
import java.math.MathContext;


/**
 * One NATO Ally as the reference table describes it.
 *
 * @param currencyFrom   the first year of {@code currency}; before it the Ally used {@code previousCurrency}
 * @param conversionRate the irrevocably fixed rate of the changeover: units of {@code previousCurrency} per unit of
 *                       {@code currency} (1.95583 BGN per EUR), so that amounts on either side can be compared
 */
public record Ally(String iso3, String iso2, String name, int accessionYear,
                   String currency, Integer currencyFrom, String previousCurrency, BigDecimal conversionRate) {

    /** The currency in force for the Ally's figures of a calendar year (fiscal years follow NATO's calendar-year rule). */
    public String currencyIn(int year) {
        if (currencyFrom != null && year < currencyFrom && previousCurrency != null) {
            return previousCurrency;
        }
        return currency;
    }

    /**
     * An amount of {@code year}'s currency in the currency of {@code toYear} (exact division at the fixed rate,
     * 12 significant digits beyond the rate's); unchanged when both years use the same currency.
     */
    public BigDecimal convert(BigDecimal amount, int year, int toYear) {
        String from = currencyIn(year);
        String to = currencyIn(toYear);
        if (from.equals(to)) {
            return amount;
        }
        if (conversionRate == null) {
            throw new IllegalStateException(iso3 + " has no fixed conversion rate from " + from + " to " + to);
        }
        return from.equals(previousCurrency) ? amount.divide(conversionRate, MathContext.DECIMAL64)
                : amount.multiply(conversionRate);
    }

    public boolean isAllyIn(int year) {
        return year >= accessionYear;
    }

    /**
     * Iceland has no armed forces: it is an Ally, listed everywhere, but never scored against spending targets.
     */
    public boolean isAssessed() {
        return !"ISL".equals(iso3);
    }

    /** NATO reports the United States apart from "Europe and Canada" in its totals. */
    public boolean isUnitedStates() {
        return "USA".equals(iso3);
    }

}
