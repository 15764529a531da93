package io.pledgewatch.reference;


/**
 * One NATO Ally as the reference table describes it.
 *
 * @param currencyFrom the first year of {@code currency}; before it the Ally used {@code previousCurrency}
 */
public record Ally(String iso3, String iso2, String name, int accessionYear,
                   String currency, Integer currencyFrom, String previousCurrency) {

    /** The currency in force for the Ally's figures of a calendar year (fiscal years follow NATO's calendar-year rule). */
    public String currencyIn(int year) {
        if (currencyFrom != null && year < currencyFrom && previousCurrency != null) {
            return previousCurrency;
        }
        return currency;
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
