package dev.gazette.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.gazette.mail.LinkTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use secrets sent by e-mail (verify an address, reset a password, confirm a new address, set up the first
 * admin). The token itself exists only in the link; the database keeps its SHA-256, so a leaked database cannot be
 * used to take over accounts. Consuming a token is one conditional update: it works once, before it expires.
 */
@Component
public class AccountTokens {

	public enum Purpose {
		VERIFY, RESET, EMAIL, SETUP;

		String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** A consumed token: whose it was, and for a change of address, the new one. */
	public record Redeemed(Long accountId, String newEmail) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	public AccountTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Issues a new token; earlier unused tokens of the same purpose for the account stop working. */
	public String issue(Long accountId, Purpose purpose, Duration validFor, String newEmail) {
		Instant now = clock.instant();
		if (accountId != null) {
			jdbc.sql("update account_token set used_at = :now where account_id = :account and purpose = :purpose and used_at is null")
				.param("now", AccountRepository.at(now))
				.param("account", accountId)
				.param("purpose", purpose.key())
				.update();
		}
		String token = LinkTokens.newToken();
		jdbc.sql("""
				insert into account_token (account_id, purpose, token_hash, new_email, created_at, expires_at)
				values (:account, :purpose, :hash, :email, :now, :expires)""")
			.param("account", accountId)
			.param("purpose", purpose.key())
			.param("hash", LinkTokens.hash(token))
			.param("email", newEmail)
			.param("now", AccountRepository.at(now))
			.param("expires", AccountRepository.at(now.plus(validFor)))
			.update();
		return token;
	}

	/** Uses up a token: present only if it exists, has this purpose, was never used and has not expired. */
	public Optional<Redeemed> redeem(String token, Purpose purpose) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		String hash = LinkTokens.hash(token);
		Instant now = clock.instant();
		int used = jdbc.sql("""
				update account_token set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
			.param("now", AccountRepository.at(now))
			.param("hash", hash)
			.param("purpose", purpose.key())
			.update();
		if (used != 1) {
			return Optional.empty();
		}
		return jdbc.sql("select account_id, new_email from account_token where token_hash = :hash")
			.param("hash", hash)
			.query((rs, n) -> {
				long account = rs.getLong("account_id");
				return new Redeemed(rs.wasNull() ? null : account, rs.getString("new_email"));
			})
			.optional();
	}

	/** Whether a token would be accepted, without using it (to show a form before the final step). */
	public boolean isValid(String token, Purpose purpose) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return false;
		}
		return jdbc.sql("""
				select count(*) from account_token
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
			.param("hash", LinkTokens.hash(token))
			.param("purpose", purpose.key())
			.param("now", AccountRepository.at(clock.instant()))
			.query(Long.class)
			.single() == 1;
	}
}
