package io.pledgewatch.report.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pledgewatch.report.briefing.Briefing;
import io.pledgewatch.report.support.SmtpServer;
import io.pledgewatch.report.support.StaffApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * What became of a briefing's mail: the deliveries recorded for it and the messages the SMTP server received about
 * it. Deliveries are recorded in the transaction that makes a briefing READY (or records its last failure), and a
 * SENT delivery is never claimed again; so once every delivery of a briefing is SENT, the server holds all it will
 * ever get about that briefing, and a message sent twice would be among them.
 */
@ApplicationScoped
class Mailbox {

    @Inject
    DeliveryRepository deliveries;

    List<Delivery> deliveriesOf(long briefingId) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.list("briefingId", briefingId));
    }

    /** The messages about {@code b}, once all {@code count} of its deliveries are recorded as sent. */
    List<MimeMessage> onceAllSent(Briefing b, int count) {
        await("all " + count + " deliveries of briefing " + b.id + " sent").atMost(StaffApi.PATIENCE)
                .untilAsserted(() -> assertEquals(Collections.nCopies(count, Delivery.Status.SENT),
                        deliveriesOf(b.id).stream().map(d -> d.status).toList()));
        return received(about(b));
    }

    static List<MimeMessage> received(Predicate<MimeMessage> which) {
        return Arrays.stream(SmtpServer.received()).filter(which).toList();
    }

    static Predicate<MimeMessage> about(Briefing b) {
        return m -> subject(m).contains(b.period);
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
