package io.pledgewatch.report.briefing;

/**
 * An attempt at a briefing failed; its reason is recorded on the briefing. Fired inside the transaction that records
 * the failure (see {@link BriefingReady}).
 *
 * @param last whether no attempt is left: the briefing stays FAILED
 */
public record BriefingFailed(Briefing briefing, boolean last) {
}
