package io.pledgewatch.report.briefing;

/**
 * An attempt at a briefing failed. Fired inside the transaction that records the failure (see {@link BriefingReady}).
 *
 * @param reason the failure as the briefing records it
 * @param last   whether no attempt is left: the briefing stays FAILED
 */
public record BriefingFailed(Briefing briefing, String reason, boolean last) {
}
