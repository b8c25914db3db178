package dev.gazette.account.mail;

import dev.gazette.mail.MailMessage;

/**
 * Tells a member their password was changed. Its templates: {@code account/mail/password-changed.jte} in {@code
 * src/main/jte-text} and {@code src/main/jte}.
 */
public record PasswordChanged(String site, String name) implements MailMessage {

	@Override
	public String template() {
		return "account/mail/password-changed";
	}
}
