package dev.gazette.support;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mail the application wrote, read from its outbox table ({@code mail_message}) as an admin would read it when
 * no SMTP server is configured: what went to one address, and the links in it.
 */
public final class Mailbox {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

	private final JdbcClient jdbc;

	public Mailbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every mail to the address, oldest first. */
	public List<Message> to(String address) {
		return jdbc.sql("""
				select recipient, subject, text_body, html_body, category from mail_message
				where lower(recipient) = lower(:to) order by id""")
			.param("to", address)
			.query((rs, n) -> new Message(rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
					rs.getString("html_body"), rs.getString("category")))
			.list();
	}

	/** The newest mail to the address; fails the test when there is none. */
	public Message latestTo(String address) {
		List<Message> all = to(address);
		if (all.isEmpty()) {
			throw new AssertionError("No mail was written to " + address);
		}
		return all.get(all.size() - 1);
	}

	public int count(String address) {
		return to(address).size();
	}

	/** A mail as the outbox holds it. */
	public record Message(String to, String subject, String text, String html, String category) {

		/**
		 * The path and query of the first link in the text whose path is {@code path} ({@code /verify}, ...): what
		 * a reader's browser would open, without the site's public address.
		 */
		public String link(String path) {
			return linkIn(text, path);
		}

		public static String linkIn(String text, String path) {
			Matcher links = LINK.matcher(text);
			while (links.find()) {
				URI uri = URI.create(links.group());
				if (uri.getRawPath().equals(path)) {
					return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
				}
			}
			throw new AssertionError("No link to " + path + " in:\n" + text);
		}

		/** The {@code token} parameter of the first link to {@code path}. */
		public String token(String path) {
			return tokenOf(link(path));
		}

		public static String tokenOf(String link) {
			Matcher token = Pattern.compile("[?&]token=([^&#]+)").matcher(link);
			if (!token.find()) {
				throw new AssertionError("No token in " + link);
			}
			return token.group(1);
		}
	}
}
