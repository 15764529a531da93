package io.pledgewatch.report.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The addresses subscriptions accept: a plain addr-spec (RFC 5321 limits: 64 before the @, 254 in all) with a dotted
 * domain; no display names, comments or quoted local parts, which no staff address needs and which would only hide
 * mistakes. The domain is case-insensitive and kept in lower case, so one person cannot subscribe twice.
 */
public final class EmailAddress {

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddress() {
    }

    public static Optional<String> normalised(String address) {
        if (address == null || address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            return Optional.empty();
        }
        int at = address.lastIndexOf('@');
        if (at > 64) {
            return Optional.empty();
        }
        return Optional.of(address.substring(0, at) + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT));
    }
}
