package io.pledgewatch.report.briefing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pledgewatch.report.distribution.BriefingTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is known about briefings: the reads of the API, the staff page, the schedule and the runner. Each is one
 * statement on committed rows, so none needs a transaction of its own.
 */
@ApplicationScoped
public class BriefingQueries {

    @Inject
    ObjectMapper json;

    @Inject
    BriefingStore store;

    public Optional<Briefing> find(long id) {
        return store.find(id);
    }

    /** The PDF of a READY briefing (written in the same transaction that made it READY). */
    public byte[] pdf(long id) {
        return store.pdf(id).orElseThrow();
    }

    /** The tables stored with a READY briefing; empty for a briefing made before tables were kept. */
    public Optional<BriefingTables> tables(long id) {
        return store.tables(id).map(stored -> {
            try {
                return json.readValue(stored, BriefingTables.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("briefing " + id + " has unreadable tables", e);
            }
        });
    }

    /** Briefings newest first, at most {@code limit}: the API's list and the staff page. */
    public List<BriefingView> newestFirst(int limit) {
        return store.newestFirst(limit).stream().map(BriefingView::of).toList();
    }

    public Optional<Briefing> latestReadyAlliance() {
        return store.latestReady(BriefingService.ALLIANCE, null);
    }

    public boolean periodClaimed(Instant period) {
        return store.periodClaimed(BriefingService.periodKey(period));
    }

    /** The snapshot of the newest READY briefing of the same kind and nation: what "changed since" compares with. */
    Snapshot previousSnapshot(Briefing current) {
        return store.latestReady(current.kind, current.country).filter(p -> p.snapshot != null).map(p -> {
            try {
                return json.readValue(p.snapshot, Snapshot.class);
            } catch (JsonProcessingException e) {
                return null;
            }
        }).orElse(null);
    }
}
