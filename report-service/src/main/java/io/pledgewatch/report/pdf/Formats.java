package io.pledgewatch.report.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How numbers read in a briefing: percentages to two decimals, money in millions with thousands separators. */
public final class Formats {

    private Formats() {
    }

    public static String pct(BigDecimal v) {
        return v == null ? "–" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public static String pctSign(BigDecimal v) {
        return v == null ? "–" : pct(v) + "%";
    }

    public static String score(BigDecimal v) {
        return v == null ? "–" : v.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** 1234567890 EUR -> "EUR 1,234.6 m"; below a million in units. */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "–";
        }
        if (amount.signum() == 0) {
            return "0";
        }
        DecimalFormat f = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.UK));
        if (amount.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            return (currency == null ? "" : currency + " ") + f.format(amount.movePointLeft(6)) + " m";
        }
        DecimalFormat units = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
        return (currency == null ? "" : currency + " ") + units.format(amount);
    }

    /** USD billions for key figures. */
    public static String usdBillions(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        DecimalFormat f = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.UK));
        return "USD " + f.format(amount.movePointLeft(9)) + " bn";
    }

    public static String status(String s) {
        if (s == null) {
            return "–";
        }
        return switch (s) {
            case "MET" -> "met";
            case "NOT_MET" -> "not met";
            case "ON_PATH" -> "on path";
            case "BELOW_PATH" -> "below path";
            default -> s.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
