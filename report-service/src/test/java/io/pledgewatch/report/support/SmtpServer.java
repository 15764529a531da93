package io.pledgewatch.report.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pledgewatch.platform.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;

/** A real SMTP server (GreenMail) on a loopback port for the mail tests; it can be taken down and back up. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        port = FreePorts.next();
        up();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    public static synchronized void up() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Takes the server away: connections are refused until {@link #up()}; what it received so far is forgotten. */
    public static synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static synchronized MimeMessage[] received() {
        return server == null ? new MimeMessage[0] : server.getReceivedMessages();
    }

    @Override
    public void stop() {
        down();
    }
}
