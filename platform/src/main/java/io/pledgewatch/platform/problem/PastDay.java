package io.pledgewatch.platform.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A day named in a request that must not lie in the future (an import's {@code publishedOn}, a read's or a briefing's
 * {@code asOf}): nobody knows figures before the day they are published. Malformed is a 400, a later day than
 * {@code today} a 422, both naming the field.
 */
public final class PastDay {

    private PastDay() {
    }

    public static LocalDate parse(String field, String text, LocalDate today) {
        LocalDate day;
        try {
            day = LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            String shown = text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
            throw ProblemException.badRequest(field, "'" + shown + "' is not a date (YYYY-MM-DD, e.g. 2026-07-07)");
        }
        if (day.isAfter(today)) {
            throw ProblemException.invalid(field, day + " is after today (" + today
                    + ", UTC): figures are known from the day they are published, not before");
        }
        return day;
    }
}
