package io.pledgewatch.ingest.submission;

/** How final a revision's figures are, in the contract's words: a plan, a budget, an estimate or the actual outturn. */
public enum Status {
    PLAN, BUDGET, ESTIMATE, ACTUAL;

    /** The names, in the order the contract lists them: "PLAN, BUDGET, ESTIMATE, ACTUAL". */
    public static final String NAMES = "PLAN, BUDGET, ESTIMATE, ACTUAL";

    public static boolean isName(String text) {
        for (Status s : values()) {
            if (s.name().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
