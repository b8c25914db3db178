package dev.gazette.account.mail;

import dev.gazette.mail.MailMessage;

/**
 * Tells the owner of an address someone tried to join with again how to sign in or reset the password (the join form
 * itself says nothing either way). Its templates: {@code account/mail/already-registered.jte} in {@code
 * src/main/jte-text} and {@code src/main/jte}.
 */
public record AlreadyRegistered(String site, String name, String signInLink, String resetLink) implements MailMessage {

	@Override
	public String template() {
		return "account/mail/already-registered";
	}
}
