package dev.gazette.support;

import java.util.UUID;

import dev.gazette.account.Account;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.account.SignUp;

/**
 * Accounts made the way readers make them, through {@link Registration}: each joins with an address no other test uses
 * and (unless asked otherwise) follows the verification link from the mail it was sent.
 */
public final class Readers {

	/** Long enough, not on the list of common passwords, unrelated to any address. */
	public static final String PASSWORD = "Blue harbour lamps at dusk";

	private final Registration registration;

	private final Accounts accounts;

	private final AccountAdministration administration;

	private final Mailbox mailbox;

	public Readers(Registration registration, Accounts accounts, AccountAdministration administration, Mailbox mailbox) {
		this.registration = registration;
		this.accounts = accounts;
		this.administration = administration;
		this.mailbox = mailbox;
	}

	public static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** A verified reader with the given display name and roles. */
	public Reader join(String displayName, Role... roles) {
		Reader reader = joinUnverified(displayName);
		registration.verifyEmail(mailbox.latestTo(reader.email()).token("/verify")).orElseThrow();
		for (Role role : roles) {
			administration.grant(reader.id(), role, null);
		}
		return reader;
	}

	/** A reader who joined but has not followed the verification link. */
	public Reader joinUnverified(String displayName) {
		String email = uniqueEmail("reader");
		registration.signUp(new SignUp(email, displayName, PASSWORD));
		Account account = accounts.findByEmail(email).orElseThrow();
		return new Reader(account.id(), email, displayName, PASSWORD);
	}

	/** An account as a test knows it: including the password, to sign in with. */
	public record Reader(long id, String email, String displayName, String password) {

		public String profilePath() {
			return "/people/" + id;
		}
	}
}
