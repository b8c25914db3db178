package dev.gazette.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.gazette.mail.LinkTokens;
import dev.gazette.account.internal.AccountRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: an account's keys for API clients ({@code Authorization: Bearer gz_...}). The token is
 * shown once, when created; only its SHA-256 is kept.
 */
@Service
public class ApiTokens {

	/** Makes tokens recognisable in logs and secret scanners. */
	static final String PREFIX = "gz_";

	/** The longest token name (the column's size); the settings page's token form refuses a longer one. */
	public static final int MAX_NAME = 100;

	/** A token as its owner sees it in settings. */
	public record TokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt) {
	}

	/** A token just created: {@code token} is the secret, shown this once. */
	public record NewToken(TokenInfo info, String token) {
	}

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, AccountRepository accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Makes a token with this name, which the caller has checked (the settings page's token form: 1 to
	 * {@link #MAX_NAME} characters once stripped); it is stored stripped.
	 */
	@Transactional
	public NewToken create(long accountId, String name) {
		String clean = name.strip();
		String token = PREFIX + LinkTokens.newToken();
		Instant now = clock.instant();
		jdbc.sql("insert into api_token (account_id, name, token_hash, created_at) values (:account, :name, :hash, :now)")
			.param("account", accountId)
			.param("name", clean)
			.param("hash", LinkTokens.hash(token))
			.param("now", AccountRepository.at(now))
			.update();
		long id = jdbc.sql("select id from api_token where token_hash = :hash")
			.param("hash", LinkTokens.hash(token))
			.query(Long.class)
			.single();
		accounts.record(accountId, "api-token-created", clean, accountId, now);
		return new NewToken(new TokenInfo(id, clean, now, null), token);
	}

	@Transactional(readOnly = true)
	public List<TokenInfo> list(long accountId) {
		return jdbc.sql("select * from api_token where account_id = :account and revoked_at is null order by created_at desc")
			.param("account", accountId)
			.query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"),
					AccountRepository.instant(rs, "created_at"), AccountRepository.instant(rs, "last_used_at")))
			.list();
	}

	/** Revokes one of the account's tokens; false when it has no such token. */
	@Transactional
	public boolean revoke(long accountId, long tokenId) {
		int revoked = jdbc.sql("update api_token set revoked_at = :now where id = :id and account_id = :account and revoked_at is null")
			.param("now", AccountRepository.at(clock.instant()))
			.param("id", tokenId)
			.param("account", accountId)
			.update();
		if (revoked == 1) {
			accounts.record(accountId, "api-token-revoked", String.valueOf(tokenId), accountId, clock.instant());
		}
		return revoked == 1;
	}

	/** The verified account a bearer token belongs to, if the token is live. */
	@Transactional
	public Optional<AccountPrincipal> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		String hash = LinkTokens.hash(token);
		Optional<Long> accountId = jdbc.sql("select account_id from api_token where token_hash = :hash and revoked_at is null")
			.param("hash", hash)
			.query(Long.class)
			.optional();
		accountId.ifPresent(id -> jdbc.sql("update api_token set last_used_at = :now where token_hash = :hash")
			.param("now", AccountRepository.at(clock.instant()))
			.param("hash", hash)
			.update());
		return accountId.flatMap(accounts::byId)
			.filter(stored -> stored.account().emailVerified())
			.map(stored -> new AccountPrincipal(stored.account(), stored.passwordHash()));
	}
}
