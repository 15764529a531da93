package io.pledgewatch.report.briefing;

/**
 * The PDF bytes and the tables of a READY briefing (table {@code briefing_pdf}), kept apart so that listings never
 * load them.
 */
public class BriefingContent {

    public Long briefingId;

    public byte[] content;

    /** The briefing's tables (JSON of {@code BriefingTables}) as they were when the PDF was rendered. */
    public String tables;
}
