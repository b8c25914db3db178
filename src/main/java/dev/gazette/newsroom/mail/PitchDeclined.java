package dev.gazette.newsroom.mail;

import dev.gazette.mail.MailMessage;

/**
 * Declines a pitch, with the editor's message. Its templates: {@code newsroom/mail/pitch-declined.jte} in {@code
 * src/main/jte-text} and {@code src/main/jte}.
 */
public record PitchDeclined(String site, String name, String message) implements MailMessage {

	@Override
	public String template() {
		return "newsroom/mail/pitch-declined";
	}
}
