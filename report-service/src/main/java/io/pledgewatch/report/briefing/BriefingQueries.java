package io.pledgewatch.report.briefing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pledgewatch.report.export.BriefingTables;
import io.pledgewatch.report.figures.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is known about briefings: the reads of the API, the staff page, the schedule, the runner and the mail. Each
 * runs in a transaction of its own (or its caller's), as the runner's and the mail's threads have no request to
 * lend them a session; what they return is detached.
 */
@ApplicationScoped
@Transactional
public class BriefingQueries {

    @Inject
    ObjectMapper json;

    @Inject
    BriefingRepository briefings;

    public Optional<Briefing> find(long id) {
        return briefings.findByIdOptional(id);
    }

    /** The PDF of a READY briefing (written in the same transaction that made it READY). */
    public byte[] pdf(long id) {
        return briefings.pdf(id).orElseThrow();
    }

    /** The tables stored with a READY briefing; empty for a briefing made before tables were kept. */
    public Optional<BriefingTables> tables(long id) {
        return briefings.tables(id).map(stored -> {
            try {
                return json.readValue(stored, BriefingTables.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("briefing " + id + " has unreadable tables", e);
            }
        });
    }

    /** Briefings newest first, at most {@code limit}: the API's list and the staff page. */
    public List<BriefingView> newestFirst(int limit) {
        return briefings.newestFirst(limit).stream().map(BriefingView::of).toList();
    }

    public Optional<Briefing> latestReadyAlliance() {
        return briefings.latestReady(Briefing.Kind.ALLIANCE, null);
    }

    public boolean periodClaimed(Instant period) {
        return briefings.periodClaimed(BriefingService.periodKey(period));
    }

    /**
     * The snapshot of the newest READY briefing of the same kind, nation and figures' day: what "changed since" compares
     * with (a briefing of the figures as of a past day is compared with one of the same day, never with today's).
     */
    Snapshot previousSnapshot(Briefing current) {
        return briefings.latestReady(current.kind, current.country, current.asOf).filter(p -> p.snapshot != null).map(p -> {
            try {
                return json.readValue(p.snapshot, Snapshot.class);
            } catch (JsonProcessingException e) {
                return null;
            }
        }).orElse(null);
    }
}
