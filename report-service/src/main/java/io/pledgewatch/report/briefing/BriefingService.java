package io.pledgewatch.report.briefing;

import io.pledgewatch.platform.persistence.UniqueKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Where briefings begin: commissioned by staff, or claimed for a scheduled period. A briefing row is created
 * first (the unique period key makes scheduled ones exactly-once across replicas); {@link BriefingRunner} then
 * produces it.
 */
@ApplicationScoped
public class BriefingService {

    private static final Logger LOG = Logger.getLogger(BriefingService.class);

    /** The unique key of table briefing that lets one replica claim a scheduled period. */
    static final String PERIOD_KEY = "briefing_period_uk";

    @Inject
    BriefingRunner runner;

    @Inject
    BriefingRepository briefings;

    /** Staff commissioned a briefing of the current figures now; it runs at once on this replica. */
    public Briefing commission(String country, Integer year, String requestedBy) {
        return commission(country, year, null, requestedBy);
    }

    /**
     * Staff commissioned a briefing now, of the figures as they stood at the end of {@code asOf} (null: current); it
     * runs at once on this replica. Each commission is a briefing of its own (its key is unique); the key names the
     * day its figures are of, beside the kind of request, as the scheduled ones name their period.
     */
    public Briefing commission(String country, Integer year, LocalDate asOf, String requestedBy) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String key = Briefing.Trigger.ON_DEMAND + ":" + (asOf == null ? "" : "asOf=" + asOf + ":") + UUID.randomUUID();
        Briefing b = QuarkusTransaction.requiringNew().call(() -> {
            Briefing created = create(country == null ? Briefing.Kind.ALLIANCE : Briefing.Kind.NATION, country,
                    now.toString(), key, Briefing.Trigger.ON_DEMAND, year, requestedBy, now);
            created.asOf = asOf;
            return created;
        });
        LOG.infof("briefing %d commissioned by %s (%s%s)", b.id, requestedBy, country == null ? "Alliance" : country,
                asOf == null ? "" : ", figures as of " + asOf);
        runner.runSoon(b.id);
        return b;
    }

    /**
     * Claims the scheduled Alliance briefing of one period and, if this call claimed it, runs it. Every replica's
     * scheduler calls this for the same fire time; the unique period key lets exactly one insert succeed.
     *
     * @return the briefing if this call claimed the period, empty if it was already claimed
     */
    public Optional<Briefing> claimScheduled(Instant fireTime) {
        Instant period = fireTime.truncatedTo(ChronoUnit.SECONDS);
        String key = periodKey(period);
        try {
            Briefing b = QuarkusTransaction.requiringNew().call(() -> {
                if (briefings.periodClaimed(key)) {
                    return null;
                }
                Briefing claimed = create(Briefing.Kind.ALLIANCE, null, period.toString(), key,
                        Briefing.Trigger.SCHEDULED, null, "scheduler", Instant.now());
                // The insert now, inside the call, so that losing the race is told apart from any other failure.
                briefings.flush();
                return claimed;
            });
            if (b == null) {
                return Optional.empty();
            }
            LOG.infof("scheduled briefing %d claimed for period %s", b.id, period);
            runner.runSoon(b.id);
            return Optional.of(b);
        } catch (RuntimeException e) {
            if (UniqueKey.violated(e, PERIOD_KEY)) {
                LOG.debugf("period %s already claimed by another replica", period);
                return Optional.empty();
            }
            throw e;
        }
    }

    public static String periodKey(Instant period) {
        return Briefing.Trigger.SCHEDULED + ":" + Briefing.Kind.ALLIANCE + ":" + period.truncatedTo(ChronoUnit.SECONDS);
    }

    private Briefing create(Briefing.Kind kind, String country, String period, String key, Briefing.Trigger trigger,
                            Integer year, String requestedBy, Instant now) {
        Briefing b = new Briefing();
        b.kind = kind;
        b.country = country;
        b.period = period;
        b.periodKey = key;
        b.trigger = trigger;
        b.focusYear = year;
        b.status = Briefing.Status.PENDING;
        b.attempts = 0;
        b.nextAttemptAt = now;
        b.requestedBy = requestedBy;
        b.createdAt = now;
        briefings.persist(b);
        return b;
    }
}
