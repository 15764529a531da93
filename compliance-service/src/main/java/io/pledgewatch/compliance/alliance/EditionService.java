package io.pledgewatch.compliance.alliance;

import io.pledgewatch.compliance.assessment.AsOf;
import io.pledgewatch.compliance.assessment.RevisionHistoryRepository;
import io.pledgewatch.compliance.assessment.RevisionHistoryRepository.EditionRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** NATO's editions as the history holds them, now or as of a past day, and what the latest two differ in. */
@ApplicationScoped
public class EditionService {

    @Inject
    RevisionHistoryRepository history;

    @Transactional
    public Editions editions(AsOf asOf) {
        List<EditionRow> editions = history.editionsBefore(asOf.cutoff());
        if (editions.size() < 2) {
            return Editions.of(asOf.day(), editions, List.of(), List.of());
        }
        EditionRow to = editions.get(0);
        EditionRow from = editions.get(1);
        return Editions.of(asOf.day(), editions, history.figuresOf(from.source(), from.knownSince()),
                history.figuresOf(to.source(), to.knownSince()));
    }
}
