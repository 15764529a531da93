package io.pledgewatch.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pledgewatch.platform.testing.ServiceProcess;
import io.pledgewatch.platform.testing.TestTokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Faults as operators meet them: a follower down while submissions pour in, a writer killed outright, the
 * briefing's data source gone at the scheduled hour, and many clients revising the same figures at once.
 */
class FaultsIT {

    /** What Flyway logs at a start that finds every migration applied. */
    private static final String SCHEMA_CURRENT = "No migration necessary";

    static final String[] NATIONS = {"ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC",
            "HUN", "ITA", "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "SVK"};
    static final Map<String, String> CURRENCY = Map.of("ALB", "ALL", "CAN", "CAD", "CZE", "CZK", "DNK", "DKK", "HUN", "HUF",
            "MKD", "MKD", "NOR", "NOK", "POL", "PLN", "ROU", "RON");

    static String currency(String nation) {
        return CURRENCY.getOrDefault(nation, "EUR");
    }

    @Test
    void aThousandSubmissionsWhileComplianceIsDownAreAllAssessedWhenItReturns() throws Exception {
        try (Suite suite = Suite.start("0 0 6 ? * MON")) {
            Users users = new Users(suite);
            suite.compliance.stop();
            // 25 nations x 10 years x 4 revisions = 1,000 accepted submissions, 8 clients at once.
            ExecutorService pool = Executors.newFixedThreadPool(8);
            Map<String, Integer> finalRevision = new ConcurrentHashMap<>();
            List<Future<?>> work = new ArrayList<>();
            for (String nation : NATIONS) {
                work.add(pool.submit(() -> {
                    for (int year = 2026; year <= 2035; year++) {
                        for (int rev = 1; rev <= 4; rev++) {
                            Http.Response r = users.submit(nation, year, Users.submission(currency(nation), "100000000000",
                                    String.valueOf(2_000_000_000L + rev * 100_000_000L), "500000000", "rev " + rev));
                            assertTrue(r.status() == 200 || r.status() == 201, nation + " " + year + ": " + r.status() + r.text());
                            finalRevision.put(nation + "/" + year, r.json().get("revision").asInt());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertEquals(250, finalRevision.size());
            assertTrue(finalRevision.values().stream().allMatch(r -> r == 4));
            assertEquals(1000, users.ingestFeedLatest(), "ingest accepted all 1,000 while compliance was down");

            suite.compliance.start();
            users.awaitCaughtUp();
            for (String key : finalRevision.keySet()) {
                String[] k = key.split("/");
                JsonNode a = users.assessment(k[0], Integer.parseInt(k[1]));
                assertEquals(4, a.get("revision").asInt(), key + " assessed from its latest revision");
            }
            JsonNode health = Http.get(suite.compliance.url() + "/q/health/ready", null).json();
            long applied = 0;
            for (JsonNode check : health.get("checks")) {
                if (check.get("name").asText().equals("ingest-feed")) {
                    applied = check.get("data").get("appliedSinceStart").asLong();
                }
            }
            assertEquals(1000, applied, "every revision applied once, none skipped or doubled");
        }
    }

    @Test
    void everySubmissionThatGotA2xxSurvivesSigkill() throws Exception {
        try (Suite suite = Suite.start("0 0 6 ? * MON")) {
            Users users = new Users(suite);
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch someWritten = new CountDownLatch(200);
            for (int w = 0; w < 8; w++) {
                String nation = NATIONS[w];
                pool.submit(() -> {
                    for (int n = 0; !killed.get(); n++) {
                        int year = 2026 + n % 10;
                        String note = nation + "-" + n;
                        Http.Response r = users.submit(nation, year, Users.submission(currency(nation), "100000000000",
                                String.valueOf(2_000_000_000L + n), "500000000", note));
                        if (r.status() == 200 || r.status() == 201) {
                            acknowledged.put(note, nation + "/" + year + "/" + r.json().get("revision").asInt());
                            someWritten.countDown();
                        } else if (r.status() == 0) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            assertTrue(someWritten.await(60, TimeUnit.SECONDS));
            suite.ingest.kill();
            killed.set(true);
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            int currentBefore = suite.ingest.logCount(SCHEMA_CURRENT);
            suite.ingest.start();
            assertEquals(currentBefore + 1, suite.ingest.logCount(SCHEMA_CURRENT),
                    "the restart's schema check, in " + suite.ingest.log());
            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                String[] k = ack.getValue().split("/");
                Http.Response history = Http.get(suite.ingest.url() + "/api/v1/submissions/" + k[0] + "/" + k[1] + "/revisions",
                        TestTokens.staff());
                boolean found = false;
                for (JsonNode rev : history.json()) {
                    found |= rev.get("revision").asInt() == Integer.parseInt(k[2]) && rev.get("note").asText().equals(ack.getKey());
                }
                if (!found) {
                    lost.add(ack.getKey());
                }
            }
            Collections.sort(lost);
            assertEquals(List.of(), lost, lost.size() + " of " + acknowledged.size() + " acknowledged submissions lost");
            System.out.println(acknowledged.size() + " acknowledged submissions, all present after SIGKILL");
        }
    }

    @Test
    void aScheduledBriefingWithoutItsDataFailsWithAReasonThenSucceeds() throws Exception {
        try (Suite suite = Suite.start("0/2 * * * * ?")) {
            Users users = new Users(suite);
            assertEquals(201, users.submit("LTU", 2026, Users.submission("EUR", "89030000000", "4790000000", "1200000000", "x")).status());
            users.awaitAssessment("LTU", 2026, 1);
            suite.compliance.stop();
            JsonNode failed = await().alias("a scheduled run failed while compliance was down").atMost(Users.PATIENCE)
                    .until(() -> Users.scheduledBriefings(suite.report.url()).stream()
                            .filter(b -> b.get("status").asText().equals("FAILED")).findFirst(), Optional::isPresent)
                    .orElseThrow();
            assertTrue(failed.get("failureReason").asText().contains("compliance-service unavailable"), failed.toString());
            suite.compliance.start();
            JsonNode ready = users.awaitBriefing("/api/v1/briefings/" + failed.get("id").asText(), "READY");
            assertTrue(ready.get("attempts").asInt() >= 2);
        }
    }

    @Test
    void twoReportReplicasOnOneDatabaseProduceExactlyOneBriefingPerPeriod() throws Exception {
        try (Suite suite = Suite.start("0 0 6 ? * MON")) {
            Users users = new Users(suite);
            assertEquals(201, users.submit("LTU", 2026, Users.submission("EUR", "89030000000", "4790000000", "1200000000", "x")).status());
            users.awaitAssessment("LTU", 2026, 1);
            // Both replicas on a two-second schedule, until ten periods and more have been briefed.
            suite.report.stop();
            ServiceProcess a = suite.secondReport("0/2 * * * * ?");
            ServiceProcess b = suite.secondReport("0/2 * * * * ?");
            Thread ta = new Thread(a::start);
            Thread tb = new Thread(b::start);
            ta.start();
            tb.start();
            ta.join();
            tb.join();
            try {
                await().alias("ten scheduled periods or more").atMost(Users.PATIENCE)
                        .until(() -> periods(Users.scheduledBriefings(a.url())).size() >= 10);
            } finally {
                a.stop();
                b.stop();
            }
            suite.report.start();
            Map<String, Integer> perPeriod = periods(Users.scheduledBriefings(suite.report.url()));
            assertTrue(perPeriod.size() >= 10, "ten periods or more: " + perPeriod.keySet());
            perPeriod.forEach((period, n) -> assertEquals(1, n, "period " + period));
            System.out.println("two report replicas: " + perPeriod.size() + " periods, one briefing each");
        }
    }

    /** How many briefings each period has. */
    static Map<String, Integer> periods(List<JsonNode> briefings) {
        Map<String, Integer> perPeriod = new TreeMap<>();
        briefings.forEach(b -> perPeriod.merge(b.get("period").asText(), 1, Integer::sum));
        return perPeriod;
    }

    @Test
    void fiftyConcurrentRevisionsWithOneEtagLetExactlyOneWin() throws Exception {
        try (Suite suite = Suite.start("0 0 6 ? * MON")) {
            Users users = new Users(suite);
            Http.Response created = users.submit("LVA", 2027, Users.submission("EUR", "40000000000", "1400000000", "300000000", "v1"));
            assertEquals(201, created.status());
            String etag = created.header("ETag");
            String url = suite.ingest.url() + "/api/v1/submissions/LVA/2027";
            ExecutorService pool = Executors.newFixedThreadPool(50);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    go.await();
                    return Http.putJson(url, TestTokens.delegation("LVA"), Users.submission("EUR", "40000000000",
                            "1400000000", "300000000", "writer " + n), Map.of("If-Match", etag)).status();
                }));
            }
            go.countDown();
            int wins = 0;
            int stale = 0;
            for (Future<Integer> f : results) {
                int s = f.get(60, TimeUnit.SECONDS);
                wins += s == 200 ? 1 : 0;
                stale += s == 412 ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, wins);
            assertEquals(49, stale);
            JsonNode revisions = Http.get(url + "/revisions", TestTokens.staff()).json();
            assertEquals(2, revisions.size(), "exactly one new revision, none lost or duplicated");
        }
    }
}
