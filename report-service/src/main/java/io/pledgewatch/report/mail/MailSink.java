package io.pledgewatch.report.mail;

import io.pledgewatch.report.ReportConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    ReactiveMailer mailer;

    @Inject
    ReportConfig config;

    @Inject
    Vertx vertx;

    private volatile Context eventLoop;

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
        sendOnOneEventLoop(mail);
    }

    /**
     * Why not the blocking {@code Mailer}: called from a worker thread, vertx-mail (4.5) opens the socket on one
     * event loop and installs the greeting handler from another; a server greeting that arrives in between is
     * dropped and the conversation hangs until the server gives up (MailSinkTest saw it within 60 sends). Started
     * from one event-loop context, socket and handler share a thread and the greeting cannot be missed.
     */
    private void sendOnOneEventLoop(Mail mail) throws IOException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        eventLoop().runOnContext(v -> mailer.send(mail).subscribe().with(ok -> done.complete(null),
                done::completeExceptionally));
        long deadline = System.nanoTime() + config.mail().sendTimeout().toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    // Keep waiting: the server may already have the message, and its outcome must be recorded.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            done.cancel(false);
            throw new IOException("no answer from the SMTP server within " + config.mail().sendTimeout(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Context eventLoop() {
        Context c = eventLoop;
        if (c == null) {
            synchronized (this) {
                if (eventLoop == null) {
                    // From a non-Vert.x thread this is a new event-loop context; it is kept so every send uses it.
                    eventLoop = vertx.getOrCreateContext();
                }
                c = eventLoop;
            }
        }
        return c;
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
