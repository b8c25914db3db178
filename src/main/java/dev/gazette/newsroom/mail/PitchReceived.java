package dev.gazette.newsroom.mail;

import dev.gazette.mail.MailMessage;

/**
 * Thanks someone who pitched a piece through the write-for-us form. Its templates: {@code
 * newsroom/mail/pitch-received.jte} in {@code src/main/jte-text} and {@code src/main/jte}.
 */
public record PitchReceived(String site, String name) implements MailMessage {

	@Override
	public String template() {
		return "newsroom/mail/pitch-received";
	}
}
