package io.pledgewatch.report.briefing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The PDF bytes and the tables of a READY briefing, written in the same transaction that marks it READY (never half
 * a file). A row of its own so that listings never load the bytes; it goes with its briefing (ON DELETE CASCADE).
 */
@Entity
@Table(name = "briefing_pdf")
public class BriefingContent {

    @Id
    @Column(name = "briefing_id")
    public Long briefingId;

    @Column(name = "content", nullable = false)
    public byte[] content;

    /** The briefing's tables (JSON of {@code BriefingTables}) as they were when the PDF was rendered. */
    @Column(name = "tables", columnDefinition = "text")
    public String tables;
}
