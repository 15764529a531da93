package io.pledgewatch.ingest.submission;

import java.util.Arrays;

/** Strong entity tags for a submission: one per revision number, so a revision is what If-Match names. */
public final class ETags {

    private ETags() {
    }

    public static String of(int revision) {
        return "\"r" + revision + "\"";
    }

    /** RFC 9110 If-Match: "*" or a list of entity tags; weak tags never match (strong comparison). */
    public static boolean matches(String ifMatch, int currentRevision) {
        if (ifMatch == null) {
            return false;
        }
        String current = of(currentRevision);
        return Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }
}
