package dev.gazette.account;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
 * How an account comes to be: a reader joins and proves the address, or an editor invites a contributor. Every answer
 * that could tell a stranger whether an address is registered is the same either way; the owner of the address learns
 * it by e-mail. Public because the newsroom invites the writers whose pitches it accepted.
 */
@Service
public class Registration {

	static final Duration VERIFY_VALID_FOR = Duration.ofDays(2);

	/** An invited contributor's link to choose a password works for a week: invitations are not always read at once. */
	static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);

	private final AccountRepository repository;

	private final AccountTokens tokens;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final AccountMail mail;

	private final GazetteProperties site;

	private final Clock clock;

	private final Sessions sessions;

	Registration(AccountRepository repository, AccountTokens tokens, PasswordPolicy policy, PasswordEncoder encoder,
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

	/**
	 * Registers a new reader and sends a verification link. When the address already has an account, nothing is
	 * created and its owner is told by e-mail instead; the caller cannot tell the difference.
	 * @throws AccountProblem when a field is invalid
	 */
	@Transactional
	public void signUp(SignUp request) {
		String email = AccountFields.normalise(request.email());
		String name = AccountFields.cleanName(request.displayName());
		List<FieldProblem> problems = new ArrayList<>();
		AccountFields.emailProblem(email).ifPresent(message -> problems.add(new FieldProblem("email", message)));
		AccountFields.nameProblem(name).ifPresent(message -> problems.add(new FieldProblem("displayName", message)));
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
		repository.byEmail(AccountFields.normalise(email))
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
		String address = AccountFields.normalise(email);
		String name = cutName(displayName);
		List<FieldProblem> problems = new ArrayList<>();
		AccountFields.emailProblem(address).ifPresent(message -> problems.add(new FieldProblem("email", message)));
		AccountFields.nameProblem(name).ifPresent(message -> problems.add(new FieldProblem("displayName", message)));
		if (!problems.isEmpty()) {
			throw new AccountProblem("Please check what is marked.", problems);
		}
		Optional<StoredAccount> existing = repository.byEmail(address);
		boolean created = existing.isEmpty();
		// A new account gets a password nobody knows; its owner chooses one through the link.
		long id = existing.map(stored -> stored.account().id())
			.orElseGet(() -> repository.insert(address, name, encoder.encode(UUID.randomUUID().toString()),
					clock.instant()));
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

	/** A pitch allows a longer name than an account: the account takes its first {@code MAX_NAME} characters. */
	private static String cutName(String displayName) {
		String name = AccountFields.cleanName(displayName);
		int max = AccountFields.MAX_NAME;
		return name.codePointCount(0, name.length()) > max ? name.substring(0, name.offsetByCodePoints(0, max)).strip()
				: name;
	}

	private void sendVerification(Account account) {
		String token = tokens.issue(account.id(), Purpose.VERIFY, VERIFY_VALID_FOR, null);
		mail.verifyAddress(account, site.baseUrl() + "/verify?token=" + token);
	}
}
