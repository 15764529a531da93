package io.pledgewatch.compliance.assessment;

import java.math.BigDecimal;

/** Where a value stands against a target: FIXED targets are MET or NOT_MET, PATH targets MET, ON_PATH or BELOW_PATH. */
public enum TargetStatus {
    MET, NOT_MET, ON_PATH, BELOW_PATH;

    public static TargetStatus fixed(BigDecimal value, BigDecimal target) {
        return value.compareTo(target) >= 0 ? MET : NOT_MET;
    }

    /** A value at or above the target has met it; otherwise it is on the path when at or above the path's value. */
    public static TargetStatus path(BigDecimal value, BigDecimal target, BigDecimal path) {
        return value.compareTo(target) >= 0 ? MET : value.compareTo(path) >= 0 ? ON_PATH : BELOW_PATH;
    }

    /** A nation past its target is also on its path. */
    public boolean isOnPath() {
        return this == MET || this == ON_PATH;
    }
}
