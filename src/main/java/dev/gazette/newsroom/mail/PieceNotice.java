package dev.gazette.newsroom.mail;

import dev.gazette.mail.MailMessage;

/**
 * Tells an editor that a piece was submitted, or a writer what an editor did with theirs. Its templates:
 * {@code newsroom/mail/piece-notice.jte} in {@code src/main/jte-text} and {@code src/main/jte}.
 * @param what how the notice reads after the headline ("was published by")
 * @param subject the mail's subject line
 */
public record PieceNotice(String site, String name, String headline, String what, String by, String link,
		String subject, String settingsLink) implements MailMessage {

	@Override
	public String template() {
		return "newsroom/mail/piece-notice";
	}
}
