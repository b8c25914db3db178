package dev.gazette.mail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 * @param headers extra header fields in the order given, such as {@code List-Unsubscribe}; names and values are
 * printable ASCII on one line, and the fields Gazette writes itself (From, To, Subject, Date, Message-ID, MIME and
 * content fields) cannot be set here
 * @throws IllegalArgumentException when a part is missing, too long, or the address is not one address, or a header
 * is not allowed
 */
public record Mail(String to, String subject, String text, String html, String category, Map<String, String> headers) {

	// The outbox's column sizes; H2 counts UTF-16 units as String.length() does, PostgreSQL fewer.
	private static final int MAX_RECIPIENT = 500;

	private static final int MAX_SUBJECT = 1_000;

	private static final int MAX_TEXT = 100_000;

	private static final int MAX_HTML = 200_000;

	private static final int MAX_CATEGORY = 64;

	/** All headers written out as lines must fit the outbox column. */
	static final int MAX_HEADERS = 4_000;

	private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

	private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7E]{1,2000}");

	private static final Set<String> OWN_HEADERS = Set.of("from", "to", "cc", "bcc", "subject", "date", "message-id",
			"mime-version", "sender", "return-path", "received", "auto-submitted");

	/** A mail without extra headers. */
	public Mail(String to, String subject, String text, String html, String category) {
		this(to, subject, text, html, category, Map.of());
	}

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
		headers = checkHeaders(headers);
	}

	/** The same mail with these extra headers. */
	public Mail withHeaders(Map<String, String> extra) {
		return new Mail(to, subject, text, html, category, extra);
	}

	private static Map<String, String> checkHeaders(Map<String, String> headers) {
		if (headers == null || headers.isEmpty()) {
			return Map.of();
		}
		Map<String, String> checked = new LinkedHashMap<>();
		int length = 0;
		for (Map.Entry<String, String> header : headers.entrySet()) {
			String name = header.getKey();
			String value = header.getValue();
			if (name == null || !HEADER_NAME.matcher(name).matches() || OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))
					|| name.toLowerCase(Locale.ROOT).startsWith("content-")) {
				throw new IllegalArgumentException("A mail cannot carry the header '" + name + "'");
			}
			if (value == null || !HEADER_VALUE.matcher(value).matches()) {
				throw new IllegalArgumentException("The header " + name + " needs a value of printable ASCII on one line");
			}
			length += name.length() + value.length() + 3;
			checked.put(name, value);
		}
		if (length > MAX_HEADERS) {
			throw new IllegalArgumentException("A mail's extra headers can be at most " + MAX_HEADERS + " characters long");
		}
		return java.util.Collections.unmodifiableMap(checked);
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
