package dev.gazette.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * How an outbox row becomes a MIME message: UTF-8 throughout, text/plain alone or with a text/html alternative
 * (multipart/alternative), and a Message-ID of its own so a mail sent twice (a node died mid-send) can be recognised.
 */
final class MimeMails {

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	private MimeMails() {
	}

	static void write(MimeMessage message, OutboxMessage mail, InternetAddress from, Instant date)
			throws MessagingException {
		message.setFrom(from);
		message.setRecipient(MimeMessage.RecipientType.TO, address(mail.recipient()));
		message.setSubject(mail.subject(), UTF_8);
		message.setSentDate(Date.from(date));
		message.setHeader("Message-ID", messageId(mail, from));
		// RFC 3834: written by a machine, so auto-responders leave it alone.
		message.setHeader("Auto-Submitted", "auto-generated");
		// The sender's own fields, such as List-Unsubscribe: printable ASCII on one line, checked by Mail.
		for (var header : mail.headers().entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		if (mail.html() == null) {
			message.setText(mail.text(), UTF_8);
			return;
		}
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text(), UTF_8);
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.html(), UTF_8, "html");
		message.setContent(new MimeMultipart("alternative", text, html));
	}

	/**
	 * An address whose name, if any, is encoded as UTF-8 whatever the JVM's default charset (on Java 17 that follows
	 * the machine's locale, which may be ASCII).
	 */
	static InternetAddress address(String text) throws AddressException {
		InternetAddress parsed = new InternetAddress(text, true);
		if (parsed.getPersonal() == null) {
			return parsed;
		}
		try {
			return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
	}

	private static String messageId(OutboxMessage mail, InternetAddress from) {
		String sender = from.getAddress();
		String domain = sender.substring(sender.lastIndexOf('@') + 1);
		return "<gazette." + mail.id() + "." + mail.createdAt().toEpochMilli() + "@" + domain + ">";
	}
}
