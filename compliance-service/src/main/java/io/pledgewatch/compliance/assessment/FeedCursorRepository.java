package io.pledgewatch.compliance.assessment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The cursor as committed, for the lag gauge and the start of a catch-up (the apply locks it itself). */
@ApplicationScoped
public class FeedCursorRepository implements PanacheRepositoryBase<FeedCursor, Integer> {

    @Transactional
    public long position() {
        return findById(FeedCursor.ID).lastSeq;
    }
}
