package dev.gazette.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.gazette.account.internal.AccountRepository.StoredAccount;
import dev.gazette.publication.NameLikeness;
import dev.gazette.account.internal.AccountFields;
import dev.gazette.account.internal.AccountRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The face other features see of reader accounts: who an account is, whether a name is taken, whether it may comment,
 * and the two switches (reply notifications, the newsletter) that other features' one-click links turn. Joining is
 * {@link Registration}, passwords are {@link Passwords}, a reader's own profile is {@link Profiles}: they change for
 * other reasons than these reads.
 */
@Service
public class Accounts {

	private final AccountRepository repository;

	private final Clock clock;

	Accounts(AccountRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(long id) {
		return repository.byId(id).map(StoredAccount::account);
	}

	/** Every account that holds one of these roles (stored roles: an admin is listed only when ADMIN is asked for). */
	@Transactional(readOnly = true)
	public List<Account> withAnyRole(java.util.Collection<Role> roles) {
		return repository.idsWithAnyRole(roles.stream().map(Role::key).toList())
			.stream()
			.map(this::find)
			.flatMap(Optional::stream)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<Account> findByEmail(String email) {
		return repository.byEmail(AccountFields.normalise(email)).map(StoredAccount::account);
	}

	/**
	 * Whether an account's display name looks like {@code name} to a reader (same letters up to case, diacritics,
	 * confusable characters and invisible ones: {@link NameLikeness}).
	 */
	// No read-only transaction: one statement, and on PostgreSQL a transaction is two more round trips (BEGIN, COMMIT)
	// on every comment post, whose screening asks this.
	public boolean nameInUse(String name) {
		String key = NameLikeness.key(name);
		return !key.isEmpty() && repository.nameKeyTaken(key);
	}

	/** Until when the account may not comment, if it is suspended now. */
	@Transactional(readOnly = true)
	public Optional<Instant> suspendedUntil(long id) {
		return repository.suspendedUntil(id, clock.instant());
	}

	/**
	 * Turns reply notifications on or off, as the one-click link in a notification mail does.
	 * @return whether there is such an account
	 */
	@Transactional
	public boolean changeReplyNotifications(long accountId, boolean on) {
		return repository.setReplyNotifications(accountId, on);
	}

	/**
	 * Turns the newsletter on or off for an account (the newsletter page, its one-click unsubscribe link).
	 * @return whether there is such an account
	 */
	@Transactional
	public boolean changeNewsletter(long accountId, boolean on) {
		return repository.setNewsletter(accountId, on);
	}

	/** Accounts with a verified address that want the newsletter, oldest first. */
	@Transactional(readOnly = true)
	public List<NewsletterReader> newsletterReaders() {
		return repository.newsletterReaders();
	}
}
