package dev.gazette.account.internal;

import java.time.Duration;
import java.time.Instant;

import dev.gazette.account.mail.AlreadyRegistered;
import dev.gazette.account.mail.ConfirmNewAddress;
import dev.gazette.account.mail.ContributorInvitation;
import dev.gazette.account.mail.FailedSignIns;
import dev.gazette.account.mail.PasswordChanged;
import dev.gazette.account.mail.ResetPassword;
import dev.gazette.account.mail.Suspended;
import dev.gazette.account.mail.VerifyEmail;
import dev.gazette.mail.MailMessage;
import dev.gazette.mail.MailTemplates;
import dev.gazette.mail.Mailer;
import dev.gazette.publication.Publications;
import dev.gazette.account.Account;

import org.springframework.stereotype.Component;

/**
 * The messages the account feature sends, each a record of {@code account.mail} with its text and HTML templates
 * ({@code account/mail/NAME.jte} in {@code src/main/jte-text} and {@code src/main/jte}). They are stored in the
 * caller's transaction and leave only if it commits.
 */
@Component
public class AccountMail {

	static final String CATEGORY = "account";

	private final Mailer mailer;

	private final MailTemplates templates;

	private final Publications publications;

	public AccountMail(Mailer mailer, MailTemplates templates, Publications publications) {
		this.mailer = mailer;
		this.templates = templates;
		this.publications = publications;
	}

	public void verifyAddress(Account account, String link) {
		send(account.email(), new VerifyEmail(site(), account.displayName(), link));
	}

	public void alreadyRegistered(Account account, String signInLink, String resetLink) {
		send(account.email(), new AlreadyRegistered(site(), account.displayName(), signInLink, resetLink));
	}

	public void resetPassword(Account account, String link) {
		send(account.email(), new ResetPassword(site(), account.displayName(), link));
	}

	public void confirmNewAddress(Account account, String newEmail, String link) {
		send(newEmail, new ConfirmNewAddress(site(), account.displayName(), link));
	}

	public void contributorInvitation(Account account, String link, boolean newAccount) {
		send(account.email(), new ContributorInvitation(site(), account.displayName(), link, newAccount));
	}

	public void passwordChanged(Account account) {
		send(account.email(), new PasswordChanged(site(), account.displayName()));
	}

	public void suspended(Account account, Instant until, String reason) {
		send(account.email(), new Suspended(site(), account.displayName(),
				until.toString().substring(0, 16).replace('T', ' ') + " UTC", reason));
	}

	public void failedSignIns(Account account, int attempts, Duration period) {
		send(account.email(),
				new FailedSignIns(site(), account.displayName(), attempts, Math.max(1, period.toMinutes())));
	}

	private String site() {
		return publications.current().name();
	}

	private void send(String to, MailMessage message) {
		mailer.send(templates.render(message).to(to, CATEGORY));
	}
}
