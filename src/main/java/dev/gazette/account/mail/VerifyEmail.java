package dev.gazette.account.mail;

import dev.gazette.mail.MailMessage;

/**
 * Asks someone who has just joined to confirm that the address is theirs. Its templates: {@code
 * account/mail/verify-email.jte} in {@code src/main/jte-text} and {@code src/main/jte}.
 */
public record VerifyEmail(String site, String name, String link) implements MailMessage {

	@Override
	public String template() {
		return "account/mail/verify-email";
	}
}
