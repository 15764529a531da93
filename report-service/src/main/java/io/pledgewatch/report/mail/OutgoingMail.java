package io.pledgewatch.report.mail;

/**
 * A message ready to go. {@code messageId} is derived from the delivery, so a message sent again after a crash
 * between the SMTP server's acceptance and our record of it carries the same Message-ID, which mail systems use to
 * drop the duplicate.
 */
public record OutgoingMail(String to, String subject, String text, String messageId, String attachmentName,
                           byte[] attachment) {
}
