package io.pledgewatch.report.briefing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The PDF bytes and the tables of a READY briefing, kept apart so that listings never load them. */
@Entity
@Table(name = "briefing_pdf")
public class BriefingContent extends PanacheEntityBase {

    @Id
    @Column(name = "briefing_id")
    public Long briefingId;

    @Column(nullable = false)
    public byte[] content;

    /** The briefing's tables (JSON of {@code BriefingTables}) as they were when the PDF was rendered. */
    @Column(columnDefinition = "text")
    public String tables;
}
