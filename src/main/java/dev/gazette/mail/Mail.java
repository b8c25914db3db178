package dev.gazette.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * A message to one recipient; text is required, html optional (then the mail is multipart/alternative).
 *
 * @param to one address, optionally with a name: {@code reader@example.com} or {@code Oğuz Türk <oguz@example.com>}
 * @param subject one line
 * @param text the plain-text body, which every mail has
 * @param html the HTML alternative of the same text, or {@code null}
 * @param category what kind of mail this is ({@code verify-email}, {@code password-reset}, ...), shown in the outbox
 * @throws IllegalArgumentException when a part is missing, too long, or the address is not one address
 */
public record Mail(String to, String subject, String text, String html, String category) {

	// The outbox's column sizes; H2 counts UTF-16 units as String.length() does, PostgreSQL fewer.
	private static final int MAX_RECIPIENT = 500;

	private static final int MAX_SUBJECT = 1_000;

	private static final int MAX_TEXT = 100_000;

	private static final int MAX_HTML = 200_000;

	private static final int MAX_CATEGORY = 64;

	public Mail {
		to = required("to", to, MAX_RECIPIENT).strip();
		subject = required("subject", subject, MAX_SUBJECT).strip();
		text = required("text", text, MAX_TEXT);
		html = html == null || html.isBlank() ? null : limited("html", html, MAX_HTML);
		category = required("category", category, MAX_CATEGORY).strip();
		oneLine("to", to);
		oneLine("subject", subject);
		oneLine("category", category);
		checkAddress(to);
	}

	private static String required(String part, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A mail needs a " + part);
		}
		return limited(part, value, max);
	}

	private static String limited(String part, String value, int max) {
		if (value.length() > max) {
			throw new IllegalArgumentException("A mail's " + part + " can be at most " + max + " characters long");
		}
		return value;
	}

	/** A line break in a header would let the text write headers of its own. */
	private static void oneLine(String part, String value) {
		if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
			throw new IllegalArgumentException("A mail's " + part + " must be one line");
		}
	}

	private static void checkAddress(String to) {
		try {
			InternetAddress[] addresses = InternetAddress.parse(to, true);
			if (addresses.length != 1 || addresses[0].isGroup()) {
				throw new IllegalArgumentException("A mail goes to exactly one address, not '" + to + "'");
			}
			addresses[0].validate();
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("'" + to + "' is not an e-mail address", ex);
		}
	}
}
