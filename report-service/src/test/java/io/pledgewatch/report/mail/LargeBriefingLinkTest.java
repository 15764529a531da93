package io.pledgewatch.report.mail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.report.briefing.Briefing;
import io.pledgewatch.report.briefing.BriefingService;
import io.pledgewatch.report.support.LinkOnlyMailProfile;
import io.pledgewatch.report.support.StaffApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A briefing larger than the configured attachment limit is linked, not attached. */
@QuarkusTest
@TestProfile(LinkOnlyMailProfile.class)
class LargeBriefingLinkTest {

    @Inject
    BriefingService briefings;

    @Inject
    Mailbox mailbox;

    @Test
    void aBriefingAboveTheLimitArrivesAsALink() throws Exception {
        given().auth().oauth2(TestTokens.staff()).put("/api/v1/subscriptions/reader@nato.example").then().statusCode(201);
        Briefing b = briefings.claimScheduled(Instant.parse("2031-03-03T06:00:00Z")).orElseThrow();
        StaffApi.awaitStatus(b.id, "READY");
        List<MimeMessage> received = mailbox.onceAllSent(b, 1);
        assertEquals(1, received.size());
        Object content = received.get(0).getContent();
        assertFalse(content instanceof Multipart, "no attachment");
        String text = content.toString();
        assertTrue(text.contains("larger than this server attaches"), text);
        assertTrue(text.contains("https://pledgewatch.example/api/v1/briefings/" + b.id + "/pdf"), text);
    }
}
