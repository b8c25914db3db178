package dev.gazette.account.internal;

import java.time.Clock;
import java.time.Duration;

import dev.gazette.publication.GazetteProperties;
import dev.gazette.account.Account;
import dev.gazette.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure a fresh install can be administered. On start, when no account is an admin: with
 * {@code GAZETTE_ADMIN_EMAIL} and {@code GAZETTE_ADMIN_PASSWORD} set, that admin is created (verified); otherwise a
 * single-use set-up link is written to the log, valid for a day, for whoever can read the server's log.
 */
@Component
public class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	static final Duration SETUP_VALID_FOR = Duration.ofDays(1);

	private final AccountRepository repository;

	private final AccountTokens tokens;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AccountProperties properties;

	private final GazetteProperties site;

	private final Clock clock;

	public FirstAdmin(AccountRepository repository, AccountTokens tokens, PasswordEncoder encoder, PasswordPolicy policy,
			AccountProperties properties, GazetteProperties site, Clock clock) {
		this.repository = repository;
		this.tokens = tokens;
		this.encoder = encoder;
		this.policy = policy;
		this.properties = properties;
		this.site = site;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (repository.countWithRole(Role.ADMIN) > 0) {
			return;
		}
		String email = AccountFields.normalise(properties.adminEmail());
		String password = properties.adminPassword();
		if (!email.isEmpty() && password != null && !password.isBlank()) {
			policy.problemWith(password, email).ifPresent(problem -> {
				throw new IllegalStateException("GAZETTE_ADMIN_PASSWORD is not acceptable: " + problem);
			});
			create(email, "Admin", password);
			log.info("Created the first admin account {}", email);
			return;
		}
		String token = tokens.issue(null, AccountTokens.Purpose.SETUP, SETUP_VALID_FOR, null);
		log.warn("No admin account yet. Create one within 24 hours at {}/setup?token={} "
				+ "(or set GAZETTE_ADMIN_EMAIL and GAZETTE_ADMIN_PASSWORD and restart).", site.baseUrl(), token);
	}

	/** Creates a verified admin; the set-up page and the environment variables both end here. */
	@Transactional
	public Account create(String email, String displayName, String password) {
		long id = repository.byEmail(email).map(stored -> stored.account().id()).orElseGet(() -> {
			long created = repository.insert(email, displayName, encoder.encode(password), clock.instant());
			repository.markVerified(created, clock.instant());
			return created;
		});
		repository.grant(id, Role.ADMIN);
		repository.record(id, "role-granted", "admin (first admin)", null, clock.instant());
		return repository.byId(id).orElseThrow().account();
	}
}
