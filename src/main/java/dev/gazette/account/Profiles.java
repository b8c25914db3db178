package dev.gazette.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.gazette.account.AccountEvents.AccountRenamed;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.account.internal.AccountRepository.StoredAccount;
import dev.gazette.account.internal.AccountTokens.Purpose;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.account.internal.AccountFields;
import dev.gazette.account.internal.AccountMail;
import dev.gazette.account.internal.AccountRepository;
import dev.gazette.account.internal.AccountTokens;
import dev.gazette.account.internal.Sessions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reader says about themselves and how they are reached: the display name, bio and mail preferences, and a new
 * address (confirmed from its own inbox before it replaces the old one). A new name is announced
 * ({@link AccountRenamed}) so features that show it can follow. Public for tests elsewhere that set a profile up the
 * way the settings page does.
 */
@Service
public class Profiles {

	private final AccountRepository repository;

	private final AccountTokens tokens;

	private final Passwords passwords;

	private final AccountMail mail;

	private final ApplicationEventPublisher events;

	private final GazetteProperties site;

	private final Clock clock;

	private final Sessions sessions;

	Profiles(AccountRepository repository, AccountTokens tokens, Passwords passwords, AccountMail mail,
			ApplicationEventPublisher events, GazetteProperties site, Clock clock, Sessions sessions) {
		this.repository = repository;
		this.tokens = tokens;
		this.passwords = passwords;
		this.mail = mail;
		this.events = events;
		this.site = site;
		this.clock = clock;
		this.sessions = sessions;
	}

	/** @throws AccountProblem when the name or bio is invalid */
	@Transactional
	public Account update(long accountId, String displayName, String bio, boolean replyNotifications,
			boolean newsletter) {
		StoredAccount stored = repository.byId(accountId).orElseThrow();
		String name = AccountFields.cleanName(displayName);
		String cleanBio = bio == null ? "" : bio.strip();
		List<FieldProblem> problems = new ArrayList<>();
		AccountFields.nameProblem(name).ifPresent(message -> problems.add(new FieldProblem("displayName", message)));
		if (cleanBio.codePointCount(0, cleanBio.length()) > AccountFields.MAX_BIO) {
			problems.add(new FieldProblem("bio", "A bio can be at most " + AccountFields.MAX_BIO + " characters long."));
		}
		if (!problems.isEmpty()) {
			throw new AccountProblem("Please check what is marked.", problems);
		}
		repository.updateProfile(accountId, name, cleanBio.isEmpty() ? null : cleanBio, replyNotifications, newsletter);
		if (!name.equals(stored.account().displayName())) {
			events.publishEvent(new AccountRenamed(accountId, name));
		}
		return repository.byId(accountId).orElseThrow().account();
	}

	/**
	 * Starts a change of address: the new address must be confirmed from its inbox before it replaces the old one.
	 * The link lasts as long as a joining reader's verification link.
	 * @throws AccountProblem when the password is wrong or the address invalid
	 */
	@Transactional
	public void requestEmailChange(long accountId, String newEmail, String currentPassword) {
		StoredAccount stored = repository.byId(accountId).orElseThrow();
		passwords.requireCurrent(stored, currentPassword);
		String email = AccountFields.normalise(newEmail);
		AccountFields.emailProblem(email).ifPresent(message -> {
			throw new AccountProblem("Please check the new address.", List.of(new FieldProblem("newEmail", message)));
		});
		if (repository.emailTaken(email)) {
			return; // Said to the person as "check your inbox" all the same: the address's owner is not revealed.
		}
		String token = tokens.issue(accountId, Purpose.EMAIL, Registration.VERIFY_VALID_FOR, email);
		mail.confirmNewAddress(stored.account(), email, site.baseUrl() + "/confirm-email?token=" + token);
	}

	/** Confirms a new address from its inbox; empty when the link is not valid or the address was taken since. */
	@Transactional
	public Optional<Account> confirmEmailChange(String token) {
		return tokens.redeem(token, Purpose.EMAIL)
			.filter(redeemed -> !repository.emailTaken(redeemed.newEmail()))
			.map(redeemed -> {
				repository.byId(redeemed.accountId()).ifPresent(old -> sessions.endAll(old.account().email()));
				repository.changeEmail(redeemed.accountId(), redeemed.newEmail(), clock.instant());
				repository.record(redeemed.accountId(), "email-changed", null, redeemed.accountId(), clock.instant());
				return repository.byId(redeemed.accountId()).orElseThrow().account();
			});
	}
}
