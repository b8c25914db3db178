package dev.gazette.newsletter.mail;

import java.util.List;

import dev.gazette.mail.MailMessage;

/**
 * Asks a new subscriber to confirm the subscription (double opt-in). Its templates: {@code
 * newsletter/mail/newsletter-confirm.jte} in {@code src/main/jte-text} and {@code src/main/jte}.
 */
public record NewsletterConfirm(String site, String frequency, List<String> sections, String link,
		String validFor) implements MailMessage {

	@Override
	public String template() {
		return "newsletter/mail/newsletter-confirm";
	}
}
