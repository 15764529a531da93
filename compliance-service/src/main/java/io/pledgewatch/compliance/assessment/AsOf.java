package io.pledgewatch.compliance.assessment;

import io.pledgewatch.platform.problem.PastDay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The day a read answers as of ({@code ?asOf=YYYY-MM-DD}): every figure as it stood at the end of that day (UTC), per
 * key the revision known latest before the next day began, scored with the rule sets in force now; or, without the
 * parameter, the figures as they stand now ({@link #NOW}).
 *
 * @param day null for now
 */
public record AsOf(LocalDate day) {

    public static final AsOf NOW = new AsOf(null);

    /** Names the day on every answer given as of one, bare JSON arrays included. */
    public static final String HEADER = "Pledgewatch-As-Of";

    /** PostgreSQL's timestamps end in the year 294276: "known before the end of time" fits them, Instant.MAX does not. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    /** The {@code asOf} parameter of a read; absent or empty is now. */
    public static AsOf of(String text) {
        return of(text, LocalDate.now(ZoneOffset.UTC));
    }

    /** Malformed is a 400 and a day after {@code today} a 422 (nobody knows yet what it will hold), both naming asOf. */
    static AsOf of(String text, LocalDate today) {
        if (text == null || text.isEmpty()) {
            return NOW;
        }
        LocalDate day = PastDay.parse("asOf", text, today);
        return new AsOf(day);
    }

    public boolean isNow() {
        return day == null;
    }

    /** The first instant whose knowledge is not counted: the day after {@link #day}, or for now none at all. */
    public Instant cutoff() {
        return isNow() ? END_OF_TIME : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The day's last second, or this second: for answers that name their moment as an instant (a plan's asOf). */
    public Instant moment(Instant now) {
        return isNow() ? now : day.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
    }

    /** {@code body}, with the {@link #HEADER} naming the day when one was asked. */
    public <T> RestResponse<T> respond(T body) {
        RestResponse.ResponseBuilder<T> ok = RestResponse.ResponseBuilder.ok(body);
        return (isNow() ? ok : ok.header(HEADER, day.toString())).build();
    }
}
