package dev.gazette.account.mail;

import dev.gazette.mail.MailMessage;

/**
 * Warns a member of repeated failed sign-ins to their account within {@code minutes}. Its templates: {@code
 * account/mail/failed-sign-ins.jte} in {@code src/main/jte-text} and {@code src/main/jte}.
 */
public record FailedSignIns(String site, String name, int attempts, long minutes) implements MailMessage {

	@Override
	public String template() {
		return "account/mail/failed-sign-ins";
	}
}
