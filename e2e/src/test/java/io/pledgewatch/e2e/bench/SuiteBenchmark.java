package io.pledgewatch.e2e.bench;

import io.pledgewatch.e2e.Http;
import io.pledgewatch.e2e.Suite;
import io.pledgewatch.e2e.Users;
import io.pledgewatch.platform.testing.Prometheus;
import io.pledgewatch.platform.testing.ServiceProcess;
import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test (bench/run starts it): the built services on the machine's PostgreSQL, JVM mode.
 * Prints ingest PUT throughput at 16 connections with the CPU each process spent per PUT, PUT-to-assessment
 * freshness during that run and at a steady 50 submissions/s, the import and re-scoring of the whole history, and
 * each service's start time and resident memory. {@code PW_BENCH_THROUGHPUT_ONLY} stops after the throughput run;
 * {@code PW_BENCH_IMPORT_ONLY} runs the imports and the re-scoring alone. {@code PW_BENCH_MIN_WARMUP} (seconds) keeps
 * the throughput run warming up at least that long before it asks whether the rate stopped rising, so that a JIT
 * setting that compiles late (C2) is judged after its compilers have settled, not on the usual 15-25 s of warm-up.
 */
public final class SuiteBenchmark {

    static final String[] NATIONS = {"ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC",
            "HUN", "ITA", "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
            "SWE", "TUR", "GBR", "USA"};
    static final Map<String, String> CURRENCY = Map.ofEntries(Map.entry("ALB", "ALL"), Map.entry("CAN", "CAD"),
            Map.entry("CZE", "CZK"), Map.entry("DNK", "DKK"), Map.entry("HUN", "HUF"), Map.entry("MKD", "MKD"),
            Map.entry("NOR", "NOK"), Map.entry("POL", "PLN"), Map.entry("ROU", "RON"), Map.entry("SWE", "SEK"),
            Map.entry("TUR", "TRY"), Map.entry("GBR", "GBP"), Map.entry("USA", "USD"));

    /** Submissions per second whose freshness is sampled during the throughput run (years the 16 clients leave alone). */
    static final int DURING_RATE = 10;
    /**
     * How often a sample asks compliance whether its assessment is there, during the throughput run. Every 5 ms (as in
     * the quiet run) was a thousand GETs a second at compliance once freshness passed half a second, which doubled
     * compliance's CPU per PUT: the probe was measuring itself. Every 10 ms now that freshness is below 0.2 s and a
     * poll is one statement at compliance (about 70 GETs a second, their CPU counted with compliance's); 20 ms added
     * up to 20 ms of polling delay to every sample.
     */
    static final int SAMPLE_POLL_MILLIS = 10;

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("PW_BENCH_SECONDS", "15"));
        try (Suite suite = Suite.start("0 0 6 ? * MON")) {
            Map<String, long[]> memory = new LinkedHashMap<>();
            for (ServiceProcess s : List.of(suite.ingest, suite.compliance, suite.report)) {
                memory.put(s.name(), new long[] {rssKb(s.pid()), 0, pssKb(s.pid())});
            }
            if (System.getenv("PW_BENCH_IMPORT_ONLY") != null) {
                // iterating on imports and re-scoring: the throughput and freshness runs do not move with them
                importAndRescore(suite).forEach((what, figure) -> System.out.println(what + ": " + figure));
                return;
            }
            Throughput run = throughput(suite, 16, seconds, DURING_RATE);
            print(run, seconds);
            if (System.getenv("PW_BENCH_THROUGHPUT_ONLY") != null) {
                return; // iterating on the write path: the rest takes minutes and does not move with it
            }
            // Freshness is measured from a quiet start: compliance first takes in the throughput run's backlog.
            new Users(suite).awaitCaughtUp(300_000);
            long[] freshness = freshness(suite, 50, seconds, 5);
            Map<String, String> history = importAndRescore(suite);
            for (ServiceProcess s : List.of(suite.ingest, suite.compliance, suite.report)) {
                memory.get(s.name())[1] = rssKb(s.pid());
            }
            System.out.printf("freshness at 50 submissions/s over %d s (%d samples): p50 %d ms, p99 %d ms, max %d ms%n",
                    seconds, freshness[3], freshness[0], freshness[1], freshness[2]);
            history.forEach((what, figure) -> System.out.println(what + ": " + figure));
            for (ServiceProcess s : List.of(suite.ingest, suite.compliance, suite.report)) {
                System.out.printf("%s: started in %.3f s, RSS after start %d MB (PSS %d MB), after load %d MB%n", s.name(),
                        s.startedInSeconds(), memory.get(s.name())[0] / 1024, memory.get(s.name())[2] / 1024,
                        memory.get(s.name())[1] / 1024);
            }
        }
    }

    static void print(Throughput run, int seconds) {
        System.out.printf("ingest PUT throughput, 16 clients: %.0f req/s (steady %d s after %d s of warm-up, %d PUTs)%n",
                run.perSecond(), seconds, run.warmupSeconds(), run.accepted());
        System.out.println("ingest PUT latency, 1 client: " + run.latencyAlone());
        System.out.println("ingest PUT latency, 16 clients: " + run.latencyLoaded());
        run.cpuMicrosPerPut().forEach((who, us) ->
                System.out.printf("ingest CPU per accepted PUT, %s: %.0f us%n", who, us));
        System.out.println("compliance during the throughput run: " + run.follower());
        System.out.printf("ingest write combining: %.1f PUTs per transaction in the steady window%n", run.meanBatch());
        System.out.printf("freshness during the throughput run (%d submissions/s beside it, %d samples): p50 %d ms, p99 %d ms,"
                + " max %d ms%n", DURING_RATE, run.freshness()[3], run.freshness()[0], run.freshness()[1], run.freshness()[2]);
    }

    /** What the throughput run measured in its steady window. */
    record Throughput(double perSecond, long accepted, int warmupSeconds, Map<String, Double> cpuMicrosPerPut,
                      double meanBatch, long[] freshness, String follower, String latencyAlone, String latencyLoaded) {
    }

    /** The rows of one import the target names: 10,000 amount rows in one request. */
    static final int IMPORT_ROWS = 10_000;

    /**
     * The whole history in one request, then a rule-set change over it. There are 676 (country, year) in scope in
     * which the nation was an Ally, so 10,000 rows are successive editions of them (15 rows a key, the last few keys
     * 14), as an analyst's file of several NATO editions is: a staff import takes a key's rows as successive
     * revisions. Imported twice: first (a key's first row creates it unless the benchmark's earlier runs did),
     * then again with new figures (every row a revision). Then, with compliance caught up, a new version of
     * wales-2014 is put in force and the request's time is the time to re-score every assessment.
     */
    static Map<String, String> importAndRescore(Suite suite) throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        List<Ally> allies = Allies.get().all();
        List<String> rounds = List.of("first", "again with new figures");
        for (int round = 0; round < rounds.size(); round++) {
            StringBuilder csv = new StringBuilder("country,year,status,currency,gdp,defence_total,defence_equipment,"
                    + "defence_personnel,defence_infrastructure,defence_other,note\n");
            int rows = 0;
            for (int edition = 0; rows < IMPORT_ROWS; edition++) {
                for (Ally ally : allies) {
                    for (int year = Allies.FIRST_YEAR; year <= Allies.LAST_YEAR && rows < IMPORT_ROWS; year++) {
                        if (!ally.isAllyIn(year)) {
                            continue;
                        }
                        long total = 2_000_000_000L + year + edition * 1_000L + round * 1_000_000L;
                        long equipment = total / 4;
                        long personnel = total * 2 / 5;
                        long infrastructure = total / 10;
                        csv.append(String.join(",", ally.iso3(), String.valueOf(year), year <= 2025 ? "ACTUAL" : "PLAN",
                                ally.currencyIn(year), "100000000000", String.valueOf(total), String.valueOf(equipment),
                                String.valueOf(personnel), String.valueOf(infrastructure),
                                String.valueOf(total - equipment - personnel - infrastructure), "bench edition " + edition))
                                .append('\n');
                        rows++;
                    }
                }
            }
            long start = System.nanoTime();
            Http.Response r = Http.send("POST", suite.ingest.url() + "/api/v1/imports", TestTokens.staff(), "text/csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
            double ms = (System.nanoTime() - start) / 1e6;
            figures.put("import of " + rows + " amount rows in one request, " + rounds.get(round),
                    r.status() == 200 ? String.format("%.0f ms (%.3f ms per row; %s)", ms, ms / rows,
                            r.json().get("outcomes")) : "refused " + r.status() + ": " + r.text());
        }
        new Users(suite).awaitCaughtUp(300_000);
        String version = "b-" + Long.toString(System.currentTimeMillis(), 36);
        Map<String, Object> wales = Map.of("id", "wales-2014", "version", version,
                "title", "Wales Summit Defence Investment Pledge (2014), benchmark version",
                "source", "benchmark: the shipped thresholds under a new version", "firstYear", 2014, "lastYear", 2035,
                "targets", List.of(Map.of("target", "core", "measure", "CORE", "threshold", 2.0, "kind", "FIXED"),
                        Map.of("target", "equipment", "measure", "EQUIPMENT", "threshold", 20.0, "kind", "FIXED")));
        long start = System.nanoTime();
        Http.Response r = Http.send("PUT", suite.compliance.url() + "/api/v1/rulesets/wales-2014", TestTokens.staff(),
                "application/json", Http.JSON.writeValueAsBytes(wales), Map.of());
        double ms = (System.nanoTime() - start) / 1e6;
        figures.put("re-scoring the whole history after a rule-set change",
                r.status() == 200 ? String.format("%.0f ms (%s assessments)", ms, r.json().get("rescored").asText())
                        : "refused " + r.status() + ": " + r.text());
        return figures;
    }

    /**
     * {@code clients} connections of wrk (bench/put.lua), each PUT a new revision of one of 5 submissions per client's
     * nation. Warms up in 5-second runs until the rate stops rising (less than 5% above the run before, at most 90 s),
     * then measures a steady run of {@code seconds}: accepted PUTs per second, and the CPU time the ingest and
     * compliance JVMs, the PostgreSQL server's processes and the load generator spent per accepted PUT (from /proc, so
     * the figure means something on any machine). wrk rather than a Java client: this JVM's 16 HTTP clients cost
     * 487 us of CPU per PUT, a fifth of the machine, taken from the services. Beside the load, {@code sampledPerSecond}
     * further submissions a second measure freshness in the same window; their PUTs count in the CPU figures'
     * denominator, not in the throughput.
     */
    static Throughput throughput(Suite suite, int clients, int seconds, int sampledPerSecond) throws Exception {
        Path keys = Files.createTempFile("pledgewatch-bench-keys", ".txt");
        StringBuilder lines = new StringBuilder();
        Users users = new Users(suite);
        for (int c = 0; c < clients; c++) {
            String nation = NATIONS[c % NATIONS.length];
            String currency = CURRENCY.getOrDefault(nation, "EUR");
            for (int year = 2026; year <= 2030; year++) {
                Http.Response r = users.submit(nation, year, Users.submission(currency, "100000000000", "1999999999",
                        "500000000", "bench"));
                if (r.status() >= 300) {
                    throw new IllegalStateException("could not create " + nation + " " + year + ": " + r.text());
                }
                lines.append("/api/v1/submissions/").append(nation).append('/').append(year).append(' ')
                        .append(currency).append(' ').append(TestTokens.delegation(nation)).append('\n');
            }
        }
        Files.writeString(keys, lines);
        double previous = 0;
        int warmup = 0;
        int minWarmup = Integer.parseInt(System.getenv().getOrDefault("PW_BENCH_MIN_WARMUP", "0"));
        while (warmup < Math.max(90, minWarmup)) {
            double rate = wrk(suite, keys, clients, 5).perSecond();
            warmup += 5;
            if (rate < previous * 1.05 && warmup >= minWarmup) {
                break;
            }
            previous = Math.max(previous, rate);
        }
        Map<String, Long> cpuBefore = cpuTicks(suite);
        String ingestBefore = metrics(suite.ingest);
        String complianceBefore = metrics(suite.compliance);
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        var sampled = sampler.submit(() -> freshness(suite, sampledPerSecond, seconds, SAMPLE_POLL_MILLIS));
        Wrk run = wrk(suite, keys, clients, seconds);
        Map<String, Long> cpuAfter = cpuTicks(suite);
        String ingestAfter = metrics(suite.ingest);
        String complianceAfter = metrics(suite.compliance);
        long[] freshness = sampled.get();
        sampler.shutdown();
        // One client alone: the latency a single delegation meets, with no other writer to share a transaction with.
        Wrk alone = wrk(suite, keys, 1, seconds);
        Files.deleteIfExists(keys);
        if (run.refused() > 0) {
            System.out.println("warning: " + run.refused() + " PUTs were refused during the throughput run");
        }
        Map<String, Double> perPut = new LinkedHashMap<>();
        long tick = clockTick();
        long puts = run.accepted() + (long) sampledPerSecond * seconds;
        cpuBefore.forEach((k, v) -> perPut.put(k, (cpuAfter.get(k) - v) * 1e6 / tick / Math.max(1, puts)));
        double meanBatch = delta(ingestBefore, ingestAfter, "pledgewatch_ingest_write_batch_sum")
                / Math.max(1, delta(ingestBefore, ingestAfter, "pledgewatch_ingest_write_batch_count"));
        double pages = delta(complianceBefore, complianceAfter, "pledgewatch_feed_page_seconds_count");
        double pageMillis = delta(complianceBefore, complianceAfter, "pledgewatch_feed_page_seconds_sum") * 1000
                / Math.max(1, pages);
        double fetchMillis = delta(complianceBefore, complianceAfter, "pledgewatch_feed_fetch_seconds_sum") * 1000
                / Math.max(1, pages);
        double nudges = delta(complianceBefore, complianceAfter, "http_server_requests_seconds_count", SIGNAL);
        String follower = String.format("%.1f feed pages/s applied, %.0f ms each on average (fetch %.0f, apply %.0f);"
                + " %.0f nudges/s from ingest", pages / run.seconds(), pageMillis, fetchMillis, pageMillis - fetchMillis,
                nudges / run.seconds());
        return new Throughput(run.accepted() / run.seconds(), run.accepted(), warmup, perPut, meanBatch, freshness,
                follower, alone.latency(), run.latency());
    }

    /** What one run of wrk reported; latencies in milliseconds, from wrk's latency distribution. */
    record Wrk(long accepted, long refused, double seconds, double p50Millis, double p99Millis) {
        double perSecond() {
            return accepted / seconds;
        }

        String latency() {
            return String.format("p50 %.2f ms, p99 %.2f ms", p50Millis, p99Millis);
        }
    }

    static Wrk wrk(Suite suite, Path keys, int connections, int seconds) throws Exception {
        Path script = Path.of(System.getenv().getOrDefault("PW_PROJECT_ROOT", "."), "bench", "put.lua");
        Process p = new ProcessBuilder("wrk", "-t" + Math.min(2, connections), "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s", "-s", script.toString(), suite.ingest.url(), "--", keys.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        var total = Pattern.compile("(\\d+) requests in ([0-9.]+)(m?s)").matcher(out);
        if (!total.find()) {
            throw new IllegalStateException("wrk said: " + out);
        }
        long requests = Long.parseLong(total.group(1));
        double elapsed = Double.parseDouble(total.group(2)) / (total.group(3).equals("ms") ? 1000 : 1);
        var non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        long refused = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        var errors = Pattern.compile("Socket errors: .*").matcher(out);
        if (errors.find()) {
            System.out.println("warning: wrk " + errors.group());
        }
        return new Wrk(requests - refused, refused, elapsed, percentileMillis(out, "50"), percentileMillis(out, "99"));
    }

    /** A line of wrk's "Latency Distribution" ("    99%   12.34ms"), in milliseconds. */
    static double percentileMillis(String wrkOutput, String percent) {
        var m = Pattern.compile("(?m)^\\s+" + percent + "%\\s+([0-9.]+)(us|ms|s)\\s*$").matcher(wrkOutput);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no " + percent + "% latency: " + wrkOutput);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static final String SIGNAL = "uri=\"/api/v1/feed/signal\"";

    /** {@code service}'s Prometheus page, read once per snapshot. */
    static String metrics(ServiceProcess service) {
        return Http.get(service.url() + "/q/metrics", null).text();
    }

    /** How far series {@code name} moved between two snapshots of a page. */
    static double delta(String before, String after, String name) {
        return delta(before, after, name, "");
    }

    /** The same, over the series whose labels contain {@code label}. */
    static double delta(String before, String after, String name, String label) {
        return Prometheus.value(after, name, label) - Prometheus.value(before, name, label);
    }

    /** utime + stime in clock ticks: the ingest and compliance JVMs and every postgres process of this machine. */
    static Map<String, Long> cpuTicks(Suite suite) throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("ingest", ticks(suite.ingest.pid(), false));
        ticks.put("compliance", ticks(suite.compliance.pid(), false));
        long postgres = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readString(p.resolve("comm")).strip().startsWith("postgres")) {
                        postgres += ticks(Long.parseLong(p.getFileName().toString()), false);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        ticks.put("postgres", postgres);
        // Not a service: what the load cost the same machine (wrk, a finished child of this JVM, and this JVM).
        ticks.put("load generator", ticks(ProcessHandle.current().pid(), true));
        return ticks;
    }

    /** utime + stime (fields 14 and 15 of /proc/PID/stat), with the waited-for children's (16 and 17) if asked. */
    static long ticks(long pid, boolean withChildren) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
    }

    static long clockTick() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(p.getInputStream().readAllBytes()).strip());
        } catch (IOException | RuntimeException e) {
            return 100;
        }
    }

    static long pssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Steady submissions; for each, the time from its 2xx to its assessment being readable at compliance. */
    static long[] freshness(Suite suite, int perSecond, int seconds, int pollMillis) throws Exception {
        Users users = new Users(suite);
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(4);
        ExecutorService pollers = Executors.newFixedThreadPool(48);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> revisions = new ConcurrentHashMap<>();
        AtomicLong counter = new AtomicLong();
        int total = perSecond * seconds;
        CountDownLatch finished = new CountDownLatch(total);
        long periodMicros = 1_000_000L / perSecond;
        ticker.scheduleAtFixedRate(() -> {
            long n = counter.getAndIncrement();
            if (n >= total) {
                return;
            }
            String nation = NATIONS[(int) (n % NATIONS.length)];
            int year = 2031 + (int) ((n / NATIONS.length) % 5);
            pollers.submit(() -> {
                try {
                    String key = nation + "/" + year;
                    Http.Response r;
                    synchronized (key.intern()) {
                        r = users.submit(nation, year, Users.submission(CURRENCY.getOrDefault(nation, "EUR"),
                                "100000000000", String.valueOf(3_000_000_000L + n), "500000000", "fresh " + n));
                        revisions.put(key, r.status() < 300 ? r.json().get("revision").asInt() : -1);
                    }
                    long accepted = System.nanoTime();
                    int revision = r.json().get("revision").asInt();
                    while (true) {
                        Http.Response a = Http.get(suite.compliance.url() + "/api/v1/assessments/" + nation + "/" + year,
                                TestTokens.staff());
                        if (a.status() == 200 && a.json().get("revision").asInt() >= revision) {
                            latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accepted));
                            break;
                        }
                        if (System.nanoTime() - accepted > TimeUnit.SECONDS.toNanos(30)) {
                            latencies.add(30_000L);
                            break;
                        }
                        Thread.sleep(pollMillis);
                    }
                } catch (Exception e) {
                    latencies.add(30_000L);
                } finally {
                    finished.countDown();
                }
                return null;
            });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        finished.await(seconds + 60L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        pollers.shutdownNow();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new long[] {percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1), sorted.size()};
    }

    static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
