package io.pledgewatch.compliance.assessment;

/** Whether a revision carries amounts in national currency or only the ratio NATO published. */
public enum RevisionKind { AMOUNTS, PUBLISHED_RATIO }
