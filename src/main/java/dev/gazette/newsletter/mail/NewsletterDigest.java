package dev.gazette.newsletter.mail;

import java.util.List;

import dev.gazette.mail.MailMessage;
import dev.gazette.newsletter.DigestItem;

/**
 * One issue of the newsletter for one subscriber: the articles, and links to manage or end the subscription. Its
 * templates: {@code newsletter/mail/newsletter-digest.jte} in {@code src/main/jte-text} and {@code src/main/jte}.
 */
public record NewsletterDigest(String site, String name, String title, List<DigestItem> articles, String manageLink,
		String unsubscribeLink) implements MailMessage {

	@Override
	public String template() {
		return "newsletter/mail/newsletter-digest";
	}
}
