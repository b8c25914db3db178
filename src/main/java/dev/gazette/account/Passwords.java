package dev.gazette.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.gazette.refusal.FieldProblem;
import dev.gazette.account.internal.AccountRepository.StoredAccount;
import dev.gazette.account.internal.AccountTokens.Purpose;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.account.internal.AccountFields;
import dev.gazette.account.internal.AccountMail;
import dev.gazette.account.internal.AccountRepository;
import dev.gazette.account.internal.AccountTokens;
import dev.gazette.account.internal.PasswordPolicy;
import dev.gazette.account.internal.Sessions;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's password: forgetting it (a reset link by mail), changing it, and proving it before anything that needs
 * more than a session (a new address, deleting the account). Each change ends the sessions it should and tells the
 * owner by mail. Public for the browser tests' site tour, which starts a reset the way the form does.
 */
@Service
public class Passwords {

	static final Duration RESET_VALID_FOR = Duration.ofHours(1);

	private final AccountRepository repository;

	private final AccountTokens tokens;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final AccountMail mail;

	private final GazetteProperties site;

	private final Clock clock;

	private final Sessions sessions;

	Passwords(AccountRepository repository, AccountTokens tokens, PasswordPolicy policy, PasswordEncoder encoder,
			AccountMail mail, GazetteProperties site, Clock clock, Sessions sessions) {
		this.repository = repository;
		this.tokens = tokens;
		this.policy = policy;
		this.encoder = encoder;
		this.mail = mail;
		this.site = site;
		this.clock = clock;
		this.sessions = sessions;
	}

	/** Sends a reset link if the address has an account; says nothing either way. */
	@Transactional
	public void requestReset(String email) {
		repository.byEmail(AccountFields.normalise(email)).map(StoredAccount::account).ifPresent(account -> {
			String token = tokens.issue(account.id(), Purpose.RESET, RESET_VALID_FOR, null);
			mail.resetPassword(account, site.baseUrl() + "/reset-password?token=" + token);
		});
	}

	public boolean isResetTokenValid(String token) {
		return tokens.isValid(token, Purpose.RESET);
	}

	/**
	 * Sets a new password with a reset link's token. Proving the inbox also proves the address.
	 * @throws AccountProblem when the token is not valid or the password is refused
	 */
	@Transactional
	public Account reset(String token, String newPassword) {
		policy.problemWith(newPassword, null).ifPresent(message -> {
			throw new AccountProblem("Please choose another password.", List.of(new FieldProblem("password", message)));
		});
		AccountTokens.Redeemed redeemed = tokens.redeem(token, Purpose.RESET)
			.orElseThrow(() -> new AccountProblem("This reset link has expired or was already used. Please ask for a new one."));
		repository.changePassword(redeemed.accountId(), encoder.encode(newPassword));
		repository.markVerified(redeemed.accountId(), clock.instant());
		repository.record(redeemed.accountId(), "password-reset", null, null, clock.instant());
		Account account = repository.byId(redeemed.accountId()).orElseThrow().account();
		sessions.endAll(account.email());
		mail.passwordChanged(account);
		return account;
	}

	/**
	 * Changes the password and signs the account out everywhere else: a session someone else opened with the old
	 * password ends with it (remember-me cookies, signed with the password hash, stop working too).
	 * @param keepSession the session making the change, which stays signed in; null for none
	 * @throws AccountProblem when the current password is wrong or the new one is refused
	 */
	@Transactional
	public void change(long accountId, String currentPassword, String newPassword, String keepSession) {
		StoredAccount stored = repository.byId(accountId).orElseThrow();
		requireCurrent(stored, currentPassword);
		policy.problemWith(newPassword, stored.account().email()).ifPresent(message -> {
			throw new AccountProblem("Please choose another password.", List.of(new FieldProblem("newPassword", message)));
		});
		repository.changePassword(accountId, encoder.encode(newPassword));
		repository.record(accountId, "password-changed", null, accountId, clock.instant());
		sessions.endAllExcept(stored.account().email(), keepSession);
		mail.passwordChanged(stored.account());
	}

	/** @throws AccountProblem naming {@code currentPassword} when {@code password} is not the account's */
	public void requireCurrent(StoredAccount stored, String password) {
		if (password == null || !encoder.matches(password, stored.passwordHash())) {
			throw new AccountProblem("Your current password is not right.",
					List.of(new FieldProblem("currentPassword", "That is not your current password.")));
		}
	}
}
