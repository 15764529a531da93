package io.pledgewatch.report.mail;

import static io.pledgewatch.report.support.StaffApi.STAFF;
import static io.pledgewatch.report.support.StaffApi.awaitStatus;
import static io.pledgewatch.report.support.StaffApi.commission;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
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
import io.pledgewatch.report.support.StaffApi;
import io.pledgewatch.report.support.UpstreamServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scheduled briefings by e-mail against a real SMTP server: one message per subscriber per scheduled briefing with
 * the PDF attached, none for commissioned briefings, delivery once the server is back, never twice; a scheduled run
 * that fails its last attempt alerts the operators and is counted. What must not happen is read from the deliveries
 * recorded (see {@link Mailbox}), not waited out.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BriefingMailTest {

    static final AtomicLong PERIOD = new AtomicLong(Instant.parse("2030-01-07T06:00:00Z").getEpochSecond());

    @Inject
    BriefingService briefings;

    @Inject
    BriefingMail mail;

    @Inject
    Mailbox mailbox;

    /** A scheduled period nobody has claimed, claimed as the schedule's firing would. */
    Briefing fireSchedule() {
        return briefings.claimScheduled(Instant.ofEpochSecond(PERIOD.getAndAdd(7 * 24 * 3600))).orElseThrow();
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
        awaitStatus(b.id, "READY");
        List<MimeMessage> received = mailbox.onceAllSent(b, 2);
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
    void aCommissionedBriefingIsNotMailed() {
        int before = SmtpServer.received().length;
        JsonPath ready = awaitStatus(commission(Map.of()), "READY");
        assertEquals(List.of(), mailbox.deliveriesOf(ready.getLong("id")),
                "nothing to send was recorded in the transaction that made it READY");
        // Whatever is due goes out before this returns, after any send under way (both hold the same lock).
        mail.deliverDue();
        assertEquals(before, SmtpServer.received().length, "no message sent");
    }

    @Test
    @Order(4)
    void withSmtpDownMessagesWaitAndAreDeliveredOnceWhenItIsBack() {
        SmtpServer.down();
        Briefing b = fireSchedule();
        awaitStatus(b.id, "READY");
        await("two failed attempts at each message").atMost(StaffApi.PATIENCE).untilAsserted(() -> {
            List<Delivery> deliveries = mailbox.deliveriesOf(b.id);
            assertEquals(2, deliveries.size());
            assertTrue(deliveries.stream().allMatch(d -> d.status == Delivery.Status.FAILED && d.attempts >= 2),
                    deliveries.stream().map(d -> d.status + " after " + d.attempts).toList().toString());
        });
        SmtpServer.up();
        assertEquals(2, mailbox.onceAllSent(b, 2).size(), "delivered once the server is back, never twice");
    }

    @Test
    @Order(5)
    void aScheduledRunThatFailsItsLastAttemptAlertsTheOperatorsOnce() throws Exception {
        UpstreamServices.compliance().stop();
        try {
            Briefing b = fireSchedule();
            List<MimeMessage> received = mailbox.onceAllSent(b, 1);
            Delivery alert = mailbox.deliveriesOf(b.id).getFirst();
            assertEquals(Delivery.Kind.ALERT, alert.kind, "the one message recorded is the alert: none to subscribers");
            assertEquals("operators@nato.example", alert.email);
            JsonPath failed = awaitStatus(b.id, "FAILED");
            assertEquals(2, failed.getInt("attempts"), "alerted after the last attempt");
            assertEquals(1, received.size());
            MimeMessage m = received.getFirst();
            assertEquals("operators@nato.example", m.getAllRecipients()[0].toString());
            assertTrue(m.getSubject().startsWith("Pledgewatch ALERT"), m.getSubject());
            assertTrue(m.getContent().toString().contains("compliance-service unavailable"), m.getContent().toString());
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("pledgewatch_briefing_failures_total") && l.endsWith(" 1.0")),
                    "the failure is counted once");
        } finally {
            UpstreamServices.compliance().start();
        }
    }
}
