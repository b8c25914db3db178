package dev.gazette.account.mail;

import dev.gazette.mail.MailMessage;

/**
 * The link that sets a new password. Its templates: {@code account/mail/reset-password.jte} in {@code
 * src/main/jte-text} and {@code src/main/jte}.
 */
public record ResetPassword(String site, String name, String link) implements MailMessage {

	@Override
	public String template() {
		return "account/mail/reset-password";
	}
}
