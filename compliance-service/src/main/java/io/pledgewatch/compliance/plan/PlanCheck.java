package io.pledgewatch.compliance.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/** The four checks of a plan, in the order that breaks a tie between shortfalls of the same year. */
public enum PlanCheck {
    COMPLETE("complete"), INCREMENTAL("incremental"), ON_PATH("onPath"), REACHES_2035("reaches2035");

    private final String json;

    PlanCheck(String json) {
        this.json = json;
    }

    /** The check as the contract names it ({@code firstShortfall.check}). */
    @JsonValue
    public String json() {
        return json;
    }
}
