package io.pledgewatch.report.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pledgewatch.report.support.FreshConnectionMailProfile;
import io.pledgewatch.report.support.SmtpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Every message reaches a real SMTP server, each on a new connection. Guards against the SMTP greeting being lost
 * between two event loops: such a send hangs until the server gives up (421 after 30 s with GreenMail), and this
 * profile's send timeout, shorter than that, turns the hang into a failed send.
 */
@QuarkusTest
@TestProfile(FreshConnectionMailProfile.class)
class MailSinkTest {

    @Inject
    MailSink sink;

    @Test
    void manySendsOnFreshConnectionsAllArriveWithoutAStall() throws Exception {
        int before = SmtpServer.received().length;
        for (int i = 0; i < 60; i++) {
            sink.send(new OutgoingMail("reader" + i + "@nato.example", "Sink test " + i, "Message " + i,
                    "<sink-test-" + i + "@pledgewatch>", i % 3 == 0 ? "a.pdf" : null, i % 3 == 0 ? new byte[20_000] : null));
        }
        assertEquals(60, SmtpServer.received().length - before);
    }
}
