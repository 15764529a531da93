package io.pledgewatch.report.briefing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pledgewatch.report.distribution.BriefingTables;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What is known about briefings: the reads of the API, the staff page, the schedule and the runner. */
@ApplicationScoped
public class BriefingQueries {

    @Inject
    ObjectMapper json;

    public Optional<Briefing> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>findByIdOptional(id));
    }

    /** The PDF of a READY briefing (written in the same transaction that made it READY). */
    public byte[] pdf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> BriefingContent.<BriefingContent>findById(id).content);
    }

    /** The tables stored with a READY briefing; empty for a briefing made before tables were kept. */
    public Optional<BriefingTables> tables(long id) {
        String stored = QuarkusTransaction.requiringNew().call(() -> BriefingContent.<BriefingContent>findByIdOptional(id)
                .map(c -> c.tables).orElse(null));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored, BriefingTables.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("briefing " + id + " has unreadable tables", e);
        }
    }

    /** Briefings newest first, at most {@code limit}: the API's list and the staff page. */
    public List<BriefingView> newestFirst(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>find("order by createdAt desc, id desc")
                .page(0, limit).stream().map(BriefingView::of).toList());
    }

    public Optional<Briefing> latestReadyAlliance() {
        return QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>find(
                "status = 'READY' and kind = 'ALLIANCE' order by createdAt desc, id desc").firstResultOptional());
    }

    public boolean periodClaimed(Instant period) {
        return QuarkusTransaction.requiringNew().call(() ->
                Briefing.count("periodKey", BriefingService.periodKey(period)) > 0);
    }

    /** The snapshot of the newest READY briefing of the same kind and nation: what "changed since" compares with. */
    Snapshot previousSnapshot(Briefing current) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Briefing> prev = Briefing.<Briefing>find("status = 'READY' and kind = ?1 and "
                    + (current.country == null ? "country is null" : "country = ?2") + " order by createdAt desc, id desc",
                    current.country == null ? new Object[] {current.kind} : new Object[] {current.kind, current.country})
                    .firstResultOptional();
            return prev.filter(p -> p.snapshot != null).map(p -> {
                try {
                    return json.readValue(p.snapshot, Snapshot.class);
                } catch (JsonProcessingException e) {
                    return null;
                }
            }).orElse(null);
        });
    }
}
