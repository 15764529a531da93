package io.pledgewatch.report.briefing;

/**
 * A briefing became READY. Fired inside the transaction that stores its PDF, so what an observer writes there commits
 * with it or not at all; an observer {@code during = AFTER_SUCCESS} acts once it is committed. The briefing service
 * does not know who listens (the mail does).
 */
public record BriefingReady(Briefing briefing) {
}
