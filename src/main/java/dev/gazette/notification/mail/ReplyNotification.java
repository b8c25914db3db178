package dev.gazette.notification.mail;

import java.util.List;

import dev.gazette.mail.MailMessage;
import dev.gazette.notification.internal.ReplyItem;

/**
 * Tells a member of replies to their comments. Its templates: {@code notification/mail/reply-notification.jte} in
 * {@code src/main/jte-text} and {@code src/main/jte}.
 */
public record ReplyNotification(String site, String name, List<ReplyItem> replies, String settingsLink,
		String unsubscribeLink) implements MailMessage {

	@Override
	public String template() {
		return "notification/mail/reply-notification";
	}
}
