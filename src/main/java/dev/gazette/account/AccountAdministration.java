package dev.gazette.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.gazette.account.internal.AccountRepository.StoredAccount;
import dev.gazette.mail.LinkTokens;
import dev.gazette.account.internal.AccountFields;
import dev.gazette.account.internal.AccountMail;
import dev.gazette.account.internal.AccountRepository;
import dev.gazette.account.internal.Sessions;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles and the people who hold them. A change of roles ends the person's sessions everywhere, so a revoked
 * moderator cannot keep moderating from an open tab. The last admin cannot be demoted.
 */
@Service
public class AccountAdministration {

	private final AccountRepository repository;

	private final Sessions sessions;

	private final Clock clock;

	private final AccountMail mail;

	private final PasswordEncoder encoder;

	AccountAdministration(AccountRepository repository, Sessions sessions, Clock clock, AccountMail mail,
			PasswordEncoder encoder) {
		this.mail = mail;
		this.encoder = encoder;
		this.repository = repository;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * A verified staff account with {@code role}, for people whose work is loaded rather than signed up (the demo
	 * publication's regional editor, who answers readers in a thread). Its password is random and never told: its
	 * owner signs in after choosing one through "Forgot your password?". An account with the address already is
	 * given the role and kept as it is.
	 */
	@Transactional
	public long createStaff(String email, String displayName, Role role) {
		String normalised = AccountFields.normalise(email);
		long id = repository.byEmail(normalised).map(stored -> stored.account().id()).orElseGet(() -> {
			long created = repository.insert(normalised, displayName, encoder.encode(LinkTokens.newToken()),
					clock.instant());
			repository.markVerified(created, clock.instant());
			return created;
		});
		repository.grant(id, role);
		repository.record(id, "role-granted", role.key() + " (loaded staff account)", null, clock.instant());
		return id;
	}

	@Transactional(readOnly = true)
	public List<Account> search(String query, int limit, long offset) {
		return repository.search(query == null ? "" : query.strip(), limit, offset).stream().map(StoredAccount::account).toList();
	}

	@Transactional(readOnly = true)
	public long count(String query) {
		return repository.count(query == null ? "" : query.strip());
	}

	@Transactional
	public void grant(long accountId, Role role, Long actorId) {
		if (role == Role.READER) {
			return;
		}
		Account account = repository.byId(accountId).map(StoredAccount::account)
			.orElseThrow(() -> new AccountProblem("There is no such account."));
		repository.grant(accountId, role);
		repository.record(accountId, "role-granted", role.key(), actorId, clock.instant());
		sessions.endAll(account.email());
	}

	/** @throws AccountProblem when it would leave the site without an admin */
	@Transactional
	public void revoke(long accountId, Role role, Long actorId) {
		Account account = repository.byId(accountId).map(StoredAccount::account)
			.orElseThrow(() -> new AccountProblem("There is no such account."));
		if (role == Role.ADMIN && account.roles().contains(Role.ADMIN) && repository.countWithRole(Role.ADMIN) <= 1) {
			throw new AccountProblem("This is the last admin: make someone else an admin first.");
		}
		repository.revoke(accountId, role);
		repository.record(accountId, "role-revoked", role.key(), actorId, clock.instant());
		sessions.endAll(account.email());
	}

	/**
	 * Suspends an account from commenting for {@code duration} (a ban is a very long suspension), records why, and
	 * tells its owner by e-mail.
	 * @throws AccountProblem for an unknown account, a non-positive duration or a missing reason
	 */
	@Transactional
	public Instant suspend(long accountId, Duration duration, String reason, Long actorId) {
		Account account = repository.byId(accountId).map(StoredAccount::account)
			.orElseThrow(() -> new AccountProblem("There is no such account."));
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new AccountProblem("A suspension needs a duration.");
		}
		if (reason == null || reason.isBlank()) {
			throw new AccountProblem("Please give the reason: the person is told it.");
		}
		Instant until = clock.instant().plus(duration);
		repository.suspend(accountId, until, reason.strip());
		repository.record(accountId, "suspended", "until " + until + ": " + reason.strip(), actorId, clock.instant());
		mail.suspended(account, until, reason.strip());
		return until;
	}

	/** Lifts a suspension early. */
	@Transactional
	public void lift(long accountId, Long actorId) {
		repository.suspend(accountId, null, null);
		repository.record(accountId, "suspension-lifted", null, actorId, clock.instant());
	}

	@Transactional(readOnly = true)
	public boolean hasAdmin() {
		return repository.countWithRole(Role.ADMIN) > 0;
	}
}
