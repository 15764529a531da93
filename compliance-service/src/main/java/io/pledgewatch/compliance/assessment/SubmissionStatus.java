package io.pledgewatch.compliance.assessment;

/** What a revision's figures are (design.md): a plan, a budget, an estimate or the actual spending. */
public enum SubmissionStatus { PLAN, BUDGET, ESTIMATE, ACTUAL }
