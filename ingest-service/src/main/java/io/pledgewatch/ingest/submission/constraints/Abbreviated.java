package io.pledgewatch.ingest.submission.constraints;

/** A value quoted back to its sender: control characters masked, at most 40 characters. */
public final class Abbreviated {

    private Abbreviated() {
    }

    public static String of(String s) {
        if (s == null) {
            return "";
        }
        String safe = s.replaceAll("\\p{Cntrl}", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }

    /**
     * {@link #of} as a message parameter of a constraint violation. The message interpolator reads a parameter's
     * value as a template again, so a sender's text is escaped: quoted back, never evaluated.
     */
    public static String asMessageParameter(String s) {
        return of(s).replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
