package dev.gazette.account.mail;

import dev.gazette.mail.MailMessage;

/**
 * Sent to a new address a member gave, to confirm it before it replaces the old one. Its templates: {@code
 * account/mail/confirm-new-address.jte} in {@code src/main/jte-text} and {@code src/main/jte}.
 */
public record ConfirmNewAddress(String site, String name, String link) implements MailMessage {

	@Override
	public String template() {
		return "account/mail/confirm-new-address";
	}
}
