package dev.gazette.mail.internal;

import java.util.List;

/**
 * One mail opened in the outbox. {@code sanitisedHtml} is the HTML alternative after the sanitiser (formatting,
 * blocks, tables and links only), safe to put in the page as it is; {@code null} for a text-only mail. Times the mail
 * has not reached ({@code sent}, {@code nextAttempt}) are {@code null}.
 */
public record OutboxMessageView(long id, String recipient, String subject, String category, String status,
		String created, String sent, String nextAttempt, String lastError, String text, String sanitisedHtml,
		List<Attempt> attempts) {

	public String backPath() {
		return OutboxPageView.PATH;
	}

	/** One delivery attempt; {@code error} is {@code null} for the one that worked. */
	public record Attempt(String at, boolean ok, String error) {
	}
}
