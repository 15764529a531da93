package io.pledgewatch.report.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.report.briefing.Briefing;
import io.pledgewatch.report.briefing.BriefingService;
import io.pledgewatch.report.support.MailProfile;
import io.pledgewatch.report.support.SmtpServer;
import io.pledgewatch.report.support.UpstreamServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scheduled briefings by e-mail against a real SMTP server: one message per subscriber per scheduled briefing with
 * the PDF attached, none for commissioned briefings, delivery once the server is back, never twice; a scheduled run
 * that fails its last attempt alerts the operators and is counted.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BriefingMailTest {

    static final String STAFF = TestTokens.staff();
    static final AtomicLong PERIOD = new AtomicLong(Instant.parse("2030-01-07T06:00:00Z").getEpochSecond());

    @Inject
    BriefingService briefings;

    /** A scheduled period nobody has claimed, claimed as the schedule's firing would. */
    Briefing fireSchedule() {
        return briefings.claimScheduled(Instant.ofEpochSecond(PERIOD.getAndAdd(7 * 24 * 3600))).orElseThrow();
    }

    static String await(long id, String status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        String last = null;
        while (System.currentTimeMillis() < deadline) {
            last = given().auth().oauth2(STAFF).get("/api/v1/briefings/" + id).then().extract().path("status");
            if (status.equals(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("briefing " + id + " not " + status + " but " + last);
    }

    static List<MimeMessage> messages(Predicate<MimeMessage> which) {
        return Arrays.stream(SmtpServer.received()).filter(which).toList();
    }

    static Predicate<MimeMessage> about(Briefing b) {
        return m -> {
            try {
                return m.getSubject().contains(b.period);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static List<MimeMessage> awaitMessages(Predicate<MimeMessage> which, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && messages(which).size() < count) {
            Thread.sleep(100);
        }
        // Then a few more polls (every second here) to see that nothing is sent twice.
        Thread.sleep(2500);
        return messages(which);
    }

    static void subscribe(String email) {
        given().auth().oauth2(STAFF).put("/api/v1/subscriptions/" + email).then().statusCode(equalTo(201));
    }

    @Test
    @Order(1)
    void staffManageSubscriptionsAndNobodyElseDoes() {
        given().auth().oauth2(STAFF).put("/api/v1/subscriptions/not-an-address").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("email"));
        given().auth().oauth2(STAFF).put("/api/v1/subscriptions/analyst@NATO.Example").then().statusCode(201)
                .body("email", equalTo("analyst@nato.example"));
        given().auth().oauth2(STAFF).put("/api/v1/subscriptions/analyst@nato.example").then().statusCode(200);
        given().auth().oauth2(STAFF).put("/api/v1/subscriptions/director@nato.example").then().statusCode(201);
        given().auth().oauth2(STAFF).get("/api/v1/subscriptions").then().statusCode(200)
                .body("email", hasItems("analyst@nato.example", "director@nato.example"));
        given().auth().oauth2(TestTokens.delegation("LTU")).put("/api/v1/subscriptions/x@ltu.example").then().statusCode(403);
        given().auth().oauth2(TestTokens.delegation("LTU")).get("/api/v1/subscriptions").then().statusCode(403);
        given().get("/api/v1/subscriptions").then().statusCode(401);
        given().auth().oauth2(STAFF).put("/api/v1/subscriptions/leaver@nato.example").then().statusCode(201);
        given().auth().oauth2(STAFF).delete("/api/v1/subscriptions/leaver@nato.example").then().statusCode(204);
        given().auth().oauth2(STAFF).delete("/api/v1/subscriptions/leaver@nato.example").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Order(2)
    void aScheduledBriefingReachesEverySubscriberOnceWithItsPdf() throws Exception {
        Briefing b = fireSchedule();
        await(b.id, "READY");
        List<MimeMessage> received = awaitMessages(about(b), 2);
        assertEquals(2, received.size(), "one message per subscriber");
        List<String> to = new ArrayList<>();
        byte[] pdf = given().auth().oauth2(STAFF).get("/api/v1/briefings/" + b.id + "/pdf").then().statusCode(200)
                .extract().asByteArray();
        for (MimeMessage m : received) {
            to.add(m.getAllRecipients()[0].toString());
            Multipart parts = (Multipart) m.getContent();
            BodyPart text = parts.getBodyPart(0);
            assertTrue(text.getContent().toString().contains("https://pledgewatch.example/api/v1/briefings/" + b.id + "/xlsx"));
            BodyPart attachment = parts.getBodyPart(1);
            assertTrue(attachment.getFileName().endsWith(".pdf"), attachment.getFileName());
            assertArrayEquals(pdf, attachment.getInputStream().readAllBytes(), "the attachment is the briefing's PDF");
        }
        assertEquals(List.of("analyst@nato.example", "director@nato.example"), to.stream().sorted().toList());
    }

    @Test
    @Order(3)
    void aCommissionedBriefingIsNotMailed() throws Exception {
        int before = SmtpServer.received().length;
        long id = given().auth().oauth2(STAFF).contentType("application/json").body("{}").post("/api/v1/briefings")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        await(id, "READY");
        Thread.sleep(3000);
        assertEquals(before, SmtpServer.received().length);
    }

    @Test
    @Order(4)
    void withSmtpDownMessagesWaitAndAreDeliveredOnceWhenItIsBack() throws Exception {
        SmtpServer.down();
        Briefing b = fireSchedule();
        await(b.id, "READY");
        Thread.sleep(3000); // several attempts fail meanwhile
        SmtpServer.up();
        List<MimeMessage> received = awaitMessages(about(b), 2);
        assertEquals(2, received.size(), "delivered once the server is back, never twice");
    }

    @Test
    @Order(5)
    void aScheduledRunThatFailsItsLastAttemptAlertsTheOperatorsOnce() throws Exception {
        UpstreamServices.compliance().stop();
        try {
            Briefing b = fireSchedule();
            await(b.id, "FAILED");
            List<MimeMessage> alerts = awaitMessages(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals("operators@nato.example")
                            && m.getSubject().contains(b.period);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 1);
            assertEquals(1, alerts.size());
            assertTrue(alerts.get(0).getSubject().startsWith("Pledgewatch ALERT"));
            assertTrue(alerts.get(0).getContent().toString().contains("compliance-service unavailable"),
                    alerts.get(0).getContent().toString());
            assertEquals(List.of(), messages(about(b).and(m -> !alerts.contains(m))), "no briefing to subscribers");
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("pledgewatch_briefing_failures_total") && !l.endsWith(" 0.0")),
                    "the failure is counted");
        } finally {
            UpstreamServices.compliance().start();
        }
    }
}
