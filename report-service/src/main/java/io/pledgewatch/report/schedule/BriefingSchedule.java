package io.pledgewatch.report.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.pledgewatch.report.ReportConfig;
import io.pledgewatch.report.briefing.BriefingQueries;
import io.pledgewatch.report.briefing.BriefingRunner;
import io.pledgewatch.report.briefing.BriefingService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The Alliance briefing schedule (Quartz cron syntax, UTC; default Monday 06:00). {@code @Scheduled} fires on
 * every replica: each firing only tries to claim its period, and the database's unique period key lets one
 * replica win. After downtime the most recent missed period is caught up once, just after start-up (or by the
 * retry poll), not once per tick.
 */
@ApplicationScoped
public class BriefingSchedule {

    private static final Logger LOG = Logger.getLogger(BriefingSchedule.class);

    @Inject
    BriefingService briefings;

    @Inject
    BriefingQueries queries;

    @Inject
    BriefingRunner runner;

    @Inject
    ReportConfig config;

    private volatile ExecutionTime schedule;

    void onStart(@Observes StartupEvent event) {
        schedule = parse(config.briefing().cron());
        if (config.briefing().scheduleEnabled()) {
            // Beside the start rather than in it: nothing at start waits for it, and a start should not wait for a
            // query and a claim (docs/decisions/0008-exactly-once-briefings-and-mail.md). The unique period key makes
            // it safe beside a firing, another replica or the retry poll's own catch-up.
            Thread.ofVirtual().name("briefing-catch-up").start(() -> {
                try {
                    catchUpLatestPeriod();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "catching up the latest briefing period failed; the retry poll tries again");
                }
            });
        }
    }

    /**
     * Claims the most recent scheduled period if nobody has: after downtime, or if a firing was lost. Only the
     * latest period is caught up, once; the unique period key makes this safe beside a firing or another replica.
     */
    void catchUpLatestPeriod() {
        if (!config.briefing().catchUp() || schedule == null) {
            return;
        }
        lastPeriod(schedule, Instant.now()).ifPresent(period -> {
            if (!queries.periodClaimed(period)) {
                LOG.infof("catching up the missed briefing period %s", period);
                briefings.claimScheduled(period);
            } else {
                LOG.debugf("briefing period %s already claimed: nothing to catch up", period);
            }
        });
    }

    @Scheduled(identity = "alliance-briefing", cron = "${pledgewatch.briefing.cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.PROCEED)
    void fire(ScheduledExecution execution) {
        if (!config.briefing().scheduleEnabled()) {
            return;
        }
        briefings.claimScheduled(execution.getScheduledFireTime());
    }

    /**
     * Retries failed runs once their back-off has passed, picks up runs a dead replica abandoned, and catches up
     * a period whose firing was lost.
     */
    @Scheduled(identity = "briefing-retries", every = "${pledgewatch.briefing.retry-poll}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDue() {
        if (config.briefing().scheduleEnabled()) {
            catchUpLatestPeriod();
        }
        runner.runDue();
    }

    /** Parses a Quartz cron expression, refusing a bad one with a message that says what to fix. */
    public static ExecutionTime parse(String expression) {
        try {
            CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
            return ExecutionTime.forCron(parser.parse(expression).validate());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pledgewatch.briefing.cron (PLEDGEWATCH_BRIEFING_CRON) = '" + expression
                    + "' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week"
                    + " [year], e.g. '0 0 6 ? * MON'): " + e.getMessage(), e);
        }
    }

    /** The most recent scheduled time at or before {@code now}. */
    public static Optional<Instant> lastPeriod(ExecutionTime schedule, Instant now) {
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        return schedule.lastExecution(at).map(ZonedDateTime::toInstant);
    }
}
