package io.pledgewatch.report.distribution;

import io.pledgewatch.report.ReportConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Where messages go: an SMTP server through quarkus-mailer (QUARKUS_MAILER_HOST, _PORT, _USERNAME, _PASSWORD, _TLS,
 * ...) in production; files under the data directory on the embedded default, so that mail never leaves the machine
 * by surprise ({@code pledgewatch.mail.transport=file}). A file is the message exactly as it would be sent (.eml).
 */
@ApplicationScoped
public class MailSink {

    private static final Logger LOG = Logger.getLogger(MailSink.class);

    @Inject
    Mailer mailer;

    @Inject
    ReportConfig config;

    /** Sends, or throws: the caller records the failure and retries later. */
    public void send(OutgoingMail m) throws IOException {
        if ("file".equals(config.mail().transport())) {
            write(m);
            return;
        }
        Mail mail = Mail.withText(m.to(), m.subject(), m.text()).setFrom(config.mail().from())
                .addHeader("Message-ID", m.messageId());
        if (m.attachment() != null) {
            mail.addAttachment(m.attachmentName(), m.attachment(), "application/pdf");
        }
        mailer.send(mail);
    }

    private void write(OutgoingMail m) throws IOException {
        MailMessage message = new MailMessage().setFrom(config.mail().from()).setTo(m.to()).setSubject(m.subject())
                .setText(m.text()).setHeaders(MultiMap.caseInsensitiveMultiMap().add("Message-ID", m.messageId()));
        if (m.attachment() != null) {
            message.setAttachment(List.of(MailAttachment.create().setData(Buffer.buffer(m.attachment()))
                    .setName(m.attachmentName()).setContentType("application/pdf")));
        }
        Path dir = Files.createDirectories(Path.of(config.mail().fileDir()));
        String name = m.messageId().replaceAll("[<>]", "").replaceAll("[^A-Za-z0-9.@-]", "_") + ".eml";
        Files.writeString(dir.resolve(name), new MailEncoder(message, "pledgewatch.local").encode(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        LOG.infof("mail to %s written to %s (file transport: no SMTP configured)", m.to(), dir.resolve(name));
    }
}
