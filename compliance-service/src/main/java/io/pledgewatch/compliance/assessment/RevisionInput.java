package io.pledgewatch.compliance.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * This service's copy of the current revision of one (country, year), as scoring needs it: of the revisions applied,
 * the one known since the latest time ({@link RevisionFigures#isSupersededBy}).
 */
@Entity
@Table(name = "revision_input")
public class RevisionInput extends RevisionFigures {

    @Id
    @Column(name = "id", length = 8)
    public String id;

    public static String key(String country, int year) {
        return country + "-" + year;
    }
}
