package dev.gazette.account.mail;

import dev.gazette.mail.MailMessage;

/**
 * Tells a member their commenting is suspended, until when (UTC, written out) and why. Its templates: {@code
 * account/mail/suspended.jte} in {@code src/main/jte-text} and {@code src/main/jte}.
 */
public record Suspended(String site, String name, String until, String reason) implements MailMessage {

	@Override
	public String template() {
		return "account/mail/suspended";
	}
}
