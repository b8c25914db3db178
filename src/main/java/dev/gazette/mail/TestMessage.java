package dev.gazette.mail;

/**
 * The example message of the package notes, used by the mail tests. Its templates: {@code mail/test-message.jte} in
 * {@code src/main/jte-text} and {@code src/main/jte}.
 */
public record TestMessage(String name, String link) implements MailMessage {

	@Override
	public String template() {
		return "mail/test-message";
	}
}
