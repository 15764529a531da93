package io.pledgewatch.platform.testing;

/** Reads figures from a service's {@code /q/metrics} page (Prometheus text format), for tests and the benchmark. */
public final class Prometheus {

    private Prometheus() {
    }

    /**
     * The value of the series named {@code name} (e.g. {@code pledgewatch_feed_page_seconds_count}), summed over its
     * labels; 0 when the page has none.
     */
    public static double value(String page, String name) {
        return value(page, name, "");
    }

    /** The same, over the series whose labels contain {@code label} (e.g. {@code uri="/api/v1/feed/signal"}). */
    public static double value(String page, String name, String label) {
        return page.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .filter(line -> label.isEmpty() || line.substring(0, line.lastIndexOf(' ')).contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
