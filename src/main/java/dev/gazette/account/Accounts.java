package dev.gazette.account;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.gazette.account.AccountEvents.AccountDeleted;
import dev.gazette.account.AccountEvents.AccountRenamed;
import dev.gazette.account.AccountProblem.FieldProblem;
import dev.gazette.account.AccountRepository.StoredAccount;
import dev.gazette.account.AccountTokens.Purpose;
import dev.gazette.mail.EmailAddresses;
import dev.gazette.publication.GazetteProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reader accounts: joining, proving an address, passwords, profiles, and leaving. Every answer that could tell a
 * stranger whether an address is registered is the same either way; the owner of the address learns it by e-mail.
 */
@Service
public class Accounts {

	static final Duration VERIFY_VALID_FOR = Duration.ofDays(2);

	static final Duration RESET_VALID_FOR = Duration.ofHours(1);

	/** An invited contributor's link to choose a password works for a week: invitations are not always read at once. */
	static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);

	static final int MAX_NAME = 60;

	static final int MAX_BIO = 1_000;

	private final AccountRepository repository;

	private final AccountTokens tokens;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final AccountMail mail;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<PersonalData> personalData;

	private final GazetteProperties site;

	private final Clock clock;

	private final Sessions sessions;

	Accounts(AccountRepository repository, AccountTokens tokens, PasswordPolicy policy, PasswordEncoder encoder,
			AccountMail mail, ApplicationEventPublisher events, ObjectProvider<PersonalData> personalData,
			GazetteProperties site, Clock clock, Sessions sessions) {
		this.sessions = sessions;
		this.repository = repository;
		this.tokens = tokens;
		this.policy = policy;
		this.encoder = encoder;
		this.mail = mail;
		this.events = events;
		this.personalData = personalData;
		this.site = site;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(long id) {
		return repository.byId(id).map(StoredAccount::account);
	}

	/**
	 * Whether an account's display name looks like {@code name} to a reader (same letters up to case, diacritics,
	 * confusable characters and invisible ones: {@link dev.gazette.publication.NameLikeness}).
	 */
	@Transactional(readOnly = true)
	public boolean nameInUse(String name) {
		String key = dev.gazette.publication.NameLikeness.key(name);
		return !key.isEmpty() && repository.nameKeyTaken(key);
	}

	/** Until when the account may not comment, if it is suspended now. */
	@Transactional(readOnly = true)
	public Optional<java.time.Instant> suspendedUntil(long id) {
		return repository.suspendedUntil(id, clock.instant());
	}

	@Transactional(readOnly = true)
	public Optional<Account> findByEmail(String email) {
		return repository.byEmail(normalise(email)).map(StoredAccount::account);
	}

	/**
	 * Registers a new reader and sends a verification link. When the address already has an account, nothing is
	 * created and its owner is told by e-mail instead; the caller cannot tell the difference.
	 * @throws AccountProblem when a field is invalid
	 */
	@Transactional
	public void signUp(SignUp request) {
		String email = normalise(request.email());
		String name = cleanName(request.displayName());
		List<FieldProblem> problems = new ArrayList<>();
		emailProblem(email).ifPresent(message -> problems.add(new FieldProblem("email", message)));
		nameProblem(name).ifPresent(message -> problems.add(new FieldProblem("displayName", message)));
		policy.problemWith(request.password(), email)
			.ifPresent(message -> problems.add(new FieldProblem("password", message)));
		if (!problems.isEmpty()) {
			throw new AccountProblem("Please check what is marked.", problems);
		}
		// Hashed whether or not the address is taken: bcrypt is most of the time an answer takes, and skipping it for
		// a taken address would tell anyone with a stopwatch which addresses have accounts.
		String hash = encoder.encode(request.password());
		Optional<StoredAccount> existing = repository.byEmail(email);
		if (existing.isPresent()) {
			mail.alreadyRegistered(existing.get().account(), site.baseUrl() + "/sign-in",
					site.baseUrl() + "/forgot-password");
			return;
		}
		long id = repository.insert(email, name, hash, clock.instant());
		repository.record(id, "signed-up", null, null, clock.instant());
		Account account = repository.byId(id).orElseThrow().account();
		sendVerification(account);
	}

	/** Sends a fresh verification link to an account whose address is not yet verified (asked from sign-in). */
	@Transactional
	public void resendVerification(String email) {
		repository.byEmail(normalise(email))
			.map(StoredAccount::account)
			.filter(account -> !account.emailVerified())
			.ifPresent(this::sendVerification);
	}

	/** Proves an address with the link's token; empty when the token is unknown, used or expired. */
	@Transactional
	public Optional<Account> verifyEmail(String token) {
		return tokens.redeem(token, Purpose.VERIFY).map(redeemed -> {
			repository.markVerified(redeemed.accountId(), clock.instant());
			repository.record(redeemed.accountId(), "verified", null, null, clock.instant());
			return repository.byId(redeemed.accountId()).orElseThrow().account();
		});
	}

	/** Sends a reset link if the address has an account; says nothing either way. */
	@Transactional
	public void requestPasswordReset(String email) {
		repository.byEmail(normalise(email)).map(StoredAccount::account).ifPresent(account -> {
			String token = tokens.issue(account.id(), Purpose.RESET, RESET_VALID_FOR, null);
			mail.resetPassword(account, site.baseUrl() + "/reset-password?token=" + token);
		});
	}

	/** What {@link #inviteContributor} did: the account that now has the contributor role, and whether it is new. */
	public record ContributorInvitation(long accountId, boolean newAccount) {
	}

	/**
	 * Invites someone to write for the publication (an editor accepted their pitch): the account with the address gets
	 * the contributor role, or a new account is made with it; either way a mail with a link to choose a password (the
	 * reset path, valid for {@link #INVITATION_VALID_FOR}) goes to the address. Following it also proves the address.
	 * @throws AccountProblem when the address or the name is not usable
	 */
	@Transactional
	public ContributorInvitation inviteContributor(String email, String displayName, Long actorId) {
		String address = normalise(email);
		String name = cutName(displayName);
		List<FieldProblem> problems = new ArrayList<>();
		emailProblem(address).ifPresent(message -> problems.add(new FieldProblem("email", message)));
		nameProblem(name).ifPresent(message -> problems.add(new FieldProblem("displayName", message)));
		if (!problems.isEmpty()) {
			throw new AccountProblem("Please check what is marked.", problems);
		}
		Optional<StoredAccount> existing = repository.byEmail(address);
		boolean created = existing.isEmpty();
		// A new account gets a password nobody knows; its owner chooses one through the link.
		long id = existing.map(stored -> stored.account().id())
			.orElseGet(() -> repository.insert(address, name,
					encoder.encode(java.util.UUID.randomUUID().toString()), clock.instant()));
		if (created) {
			repository.record(id, "invited", "contributor", actorId, clock.instant());
		}
		repository.grant(id, Role.CONTRIBUTOR);
		repository.record(id, "role-granted", Role.CONTRIBUTOR.key(), actorId, clock.instant());
		Account account = repository.byId(id).orElseThrow().account();
		sessions.endAll(account.email());
		String token = tokens.issue(id, Purpose.RESET, INVITATION_VALID_FOR, null);
		mail.contributorInvitation(account, site.baseUrl() + "/reset-password?token=" + token, created);
		return new ContributorInvitation(id, created);
	}

	/** A pitch allows a longer name than an account: the account takes its first {@link #MAX_NAME} characters. */
	private static String cutName(String displayName) {
		String name = cleanName(displayName);
		return name.codePointCount(0, name.length()) > MAX_NAME ? name.substring(0, name.offsetByCodePoints(0, MAX_NAME)).strip()
				: name;
	}

	public boolean isResetTokenValid(String token) {
		return tokens.isValid(token, Purpose.RESET);
	}

	/**
	 * Sets a new password with a reset link's token. Proving the inbox also proves the address.
	 * @throws AccountProblem when the token is not valid or the password is refused
	 */
	@Transactional
	public Account resetPassword(String token, String newPassword) {
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
	public void changePassword(long accountId, String currentPassword, String newPassword, String keepSession) {
		StoredAccount stored = repository.byId(accountId).orElseThrow();
		requirePassword(stored, currentPassword);
		policy.problemWith(newPassword, stored.account().email()).ifPresent(message -> {
			throw new AccountProblem("Please choose another password.", List.of(new FieldProblem("newPassword", message)));
		});
		repository.changePassword(accountId, encoder.encode(newPassword));
		repository.record(accountId, "password-changed", null, accountId, clock.instant());
		sessions.endAllExcept(stored.account().email(), keepSession);
		mail.passwordChanged(stored.account());
	}

	/**
	 * Starts a change of address: the new address must be confirmed from its inbox before it replaces the old one.
	 * @throws AccountProblem when the password is wrong or the address invalid
	 */
	@Transactional
	public void requestEmailChange(long accountId, String newEmail, String currentPassword) {
		StoredAccount stored = repository.byId(accountId).orElseThrow();
		requirePassword(stored, currentPassword);
		String email = normalise(newEmail);
		emailProblem(email).ifPresent(message -> {
			throw new AccountProblem("Please check the new address.", List.of(new FieldProblem("newEmail", message)));
		});
		if (repository.emailTaken(email)) {
			return; // Said to the person as "check your inbox" all the same: the address's owner is not revealed.
		}
		String token = tokens.issue(accountId, Purpose.EMAIL, VERIFY_VALID_FOR, email);
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

	/** @throws AccountProblem when the name or bio is invalid */
	@Transactional
	public Account updateProfile(long accountId, String displayName, String bio, boolean replyNotifications,
			boolean newsletter) {
		StoredAccount stored = repository.byId(accountId).orElseThrow();
		String name = cleanName(displayName);
		String cleanBio = bio == null ? "" : bio.strip();
		List<FieldProblem> problems = new ArrayList<>();
		nameProblem(name).ifPresent(message -> problems.add(new FieldProblem("displayName", message)));
		if (cleanBio.codePointCount(0, cleanBio.length()) > MAX_BIO) {
			problems.add(new FieldProblem("bio", "A bio can be at most " + MAX_BIO + " characters long."));
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

	/**
	 * Deletes an account for good. Its comments stay in their threads as "[deleted]" without their text, or go
	 * entirely when {@code removeContributions}. The deletion itself is recorded.
	 * @throws AccountProblem when the password is wrong
	 */
	@Transactional
	public void delete(long accountId, String currentPassword, boolean removeContributions) {
		StoredAccount stored = repository.byId(accountId).orElseThrow();
		requirePassword(stored, currentPassword);
		repository.record(accountId, "deleted", removeContributions ? "contributions removed" : "contributions kept as [deleted]",
				accountId, clock.instant());
		repository.delete(accountId);
		sessions.endAll(stored.account().email());
		events.publishEvent(new AccountDeleted(accountId, removeContributions));
	}

	/** Everything Gazette holds about the account, ready to be written as JSON. */
	@Transactional(readOnly = true)
	public Map<String, Object> export(long accountId) {
		Account account = repository.byId(accountId).orElseThrow().account();
		Map<String, Object> data = new LinkedHashMap<>();
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("id", account.id());
		profile.put("email", account.email());
		profile.put("emailVerified", account.emailVerified());
		profile.put("displayName", account.displayName());
		profile.put("bio", account.bio());
		profile.put("roles", account.roles().stream().map(Role::key).sorted().toList());
		profile.put("hasUploadedAvatar", account.hasAvatar());
		profile.put("replyNotifications", account.replyNotifications());
		profile.put("newsletter", account.newsletter());
		profile.put("createdAt", account.createdAt().toString());
		data.put("account", profile);
		data.put("history", repository.events(accountId));
		personalData.orderedStream().forEach(part -> data.put(part.section(), part.export(accountId)));
		return data;
	}

	private void sendVerification(Account account) {
		String token = tokens.issue(account.id(), Purpose.VERIFY, VERIFY_VALID_FOR, null);
		mail.verifyAddress(account, site.baseUrl() + "/verify?token=" + token);
	}

	private void requirePassword(StoredAccount stored, String password) {
		if (password == null || !encoder.matches(password, stored.passwordHash())) {
			throw new AccountProblem("Your current password is not right.",
					List.of(new FieldProblem("currentPassword", "That is not your current password.")));
		}
	}

	static String normalise(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	static String cleanName(String name) {
		return name == null ? "" : name.replaceAll("[\\p{Cc}\\s]+", " ").strip();
	}

	static Optional<String> emailProblem(String email) {
		if (email.isEmpty()) {
			return Optional.of("Please give your e-mail address.");
		}
		if (!EmailAddresses.isValid(email)) {
			return Optional.of("That does not look like an e-mail address.");
		}
		return Optional.empty();
	}

	static Optional<String> nameProblem(String name) {
		if (name.isEmpty()) {
			return Optional.of("Please choose a display name.");
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME) {
			return Optional.of("A display name can be at most " + MAX_NAME + " characters long.");
		}
		return Optional.empty();
	}
}
