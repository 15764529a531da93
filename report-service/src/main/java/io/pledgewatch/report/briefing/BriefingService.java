package io.pledgewatch.report.briefing;

import io.pledgewatch.platform.persistence.UniqueViolation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
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
    public static final String ALLIANCE = "ALLIANCE";
    public static final String NATION = "NATION";

    @Inject
    BriefingRunner runner;

    @Inject
    BriefingStore store;

    /** Staff commissioned a briefing now; it runs at once on this replica. */
    public Briefing commission(String country, Integer year, String requestedBy) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Briefing b = QuarkusTransaction.requiringNew().call(() -> create(country == null ? ALLIANCE : NATION, country,
                now.toString(), "ON_DEMAND:" + UUID.randomUUID(), "ON_DEMAND", year, requestedBy, now));
        LOG.infof("briefing %d commissioned by %s (%s)", b.id, requestedBy, country == null ? "Alliance" : country);
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
                if (store.periodClaimed(key)) {
                    return null;
                }
                return create(ALLIANCE, null, period.toString(), key, "SCHEDULED", null, "scheduler", Instant.now());
            });
            if (b == null) {
                return Optional.empty();
            }
            LOG.infof("scheduled briefing %d claimed for period %s", b.id, period);
            runner.runSoon(b.id);
            return Optional.of(b);
        } catch (RuntimeException e) {
            if (UniqueViolation.isCauseOf(e)) {
                LOG.debugf("period %s already claimed by another replica", period);
                return Optional.empty();
            }
            throw e;
        }
    }

    public static String periodKey(Instant period) {
        return "SCHEDULED:" + ALLIANCE + ":" + period.truncatedTo(ChronoUnit.SECONDS);
    }

    private Briefing create(String kind, String country, String period, String key, String trigger, Integer year,
                            String requestedBy, Instant now) {
        Briefing b = new Briefing();
        b.kind = kind;
        b.country = country;
        b.period = period;
        b.periodKey = key;
        b.trigger = trigger;
        b.focusYear = year;
        b.status = Briefing.Status.PENDING.name();
        b.attempts = 0;
        b.nextAttemptAt = now;
        b.requestedBy = requestedBy;
        b.createdAt = now;
        store.insert(b);
        return b;
    }
}
