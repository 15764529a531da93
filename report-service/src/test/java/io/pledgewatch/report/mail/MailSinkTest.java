package io.pledgewatch.report.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.report.support.FreshConnectionMailProfile;
import io.pledgewatch.report.support.SmtpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every message reaches a real SMTP server promptly, each on a new connection. Guards against the SMTP greeting being
 * lost between two event loops (a send that then hangs until the server gives up: 421 after 30 s with GreenMail).
 */
@QuarkusTest
@TestProfile(FreshConnectionMailProfile.class)
class MailSinkTest {

    @Inject
    MailSink sink;

    @Test
    void manySendsOnFreshConnectionsAllArriveWithoutAStall() throws Exception {
        int before = SmtpServer.received().length;
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long start = System.nanoTime();
            sink.send(new OutgoingMail("reader" + i + "@nato.example", "Sink test " + i, "Message " + i,
                    "<sink-test-" + i + "@pledgewatch>", i % 3 == 0 ? "a.pdf" : null, i % 3 == 0 ? new byte[20_000] : null));
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        assertEquals(60, SmtpServer.received().length - before);
        long slowest = millis.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(slowest < 5_000, "a send stalled: " + millis);
    }
}
