package io.pledgewatch.compliance.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One revision as it was applied from the feed, current or not, kept for good: what the figures were on any day is
 * answered from these (each key's revision known by then). Written with the feed page that carried it.
 */
@Entity
@Table(name = "revision_history")
public class RevisionHistory extends RevisionFigures {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revision_history_seq")
    @SequenceGenerator(name = "revision_history_seq", sequenceName = "revision_history_seq", allocationSize = 50)
    @Column(name = "id")
    public Long id;

    static RevisionHistory of(FeedRevision item) {
        RevisionHistory h = new RevisionHistory();
        h.fill(item);
        return h;
    }
}
