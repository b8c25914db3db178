package dev.gazette.account.mail;

import dev.gazette.mail.MailMessage;

/**
 * Invites someone to write for the publication; {@code newAccount} when the invitation made their account. Its
 * templates: {@code account/mail/contributor-invitation.jte} in {@code src/main/jte-text} and {@code src/main/jte}.
 */
public record ContributorInvitation(String site, String name, String link, boolean newAccount) implements MailMessage {

	@Override
	public String template() {
		return "account/mail/contributor-invitation";
	}
}
