package dev.gazette.account;

import java.util.Map;

import dev.gazette.mail.MailTemplates;
import dev.gazette.mail.Mailer;
import dev.gazette.publication.Publications;

import org.springframework.stereotype.Component;

/**
 * The messages the account feature sends, each from its text and HTML templates ({@code mail/NAME.jte} in
 * {@code src/main/jte-text} and {@code src/main/jte}). They are stored in the caller's transaction and leave only
 * if it commits.
 */
@Component
class AccountMail {

	static final String CATEGORY = "account";

	private final Mailer mailer;

	private final MailTemplates templates;

	private final Publications publications;

	AccountMail(Mailer mailer, MailTemplates templates, Publications publications) {
		this.mailer = mailer;
		this.templates = templates;
		this.publications = publications;
	}

	void verifyAddress(Account account, String link) {
		send("verify-email", account.email(), Map.of("name", account.displayName(), "link", link));
	}

	void alreadyRegistered(Account account, String signInLink, String resetLink) {
		send("already-registered", account.email(),
				Map.of("name", account.displayName(), "signInLink", signInLink, "resetLink", resetLink));
	}

	void resetPassword(Account account, String link) {
		send("reset-password", account.email(), Map.of("name", account.displayName(), "link", link));
	}

	void confirmNewAddress(Account account, String newEmail, String link) {
		send("confirm-new-address", newEmail, Map.of("name", account.displayName(), "link", link));
	}

	void contributorInvitation(Account account, String link, boolean newAccount) {
		send("contributor-invitation", account.email(),
				Map.of("name", account.displayName(), "link", link, "newAccount", newAccount));
	}

	void passwordChanged(Account account) {
		send("password-changed", account.email(), Map.of("name", account.displayName()));
	}

	void suspended(Account account, java.time.Instant until, String reason) {
		send("suspended", account.email(), Map.of("name", account.displayName(), "until",
				until.toString().substring(0, 16).replace('T', ' ') + " UTC", "reason", reason));
	}

	void failedSignIns(Account account, int attempts, java.time.Duration period) {
		send("failed-sign-ins", account.email(), Map.of("name", account.displayName(), "attempts", attempts, "minutes",
				Math.max(1, period.toMinutes())));
	}

	private void send(String template, String to, Map<String, Object> model) {
		Map<String, Object> withSite = new java.util.HashMap<>(model);
		withSite.put("site", publications.current().name());
		mailer.send(templates.render(template, withSite).to(to, CATEGORY));
	}
}
