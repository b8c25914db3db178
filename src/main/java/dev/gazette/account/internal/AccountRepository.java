package dev.gazette.account.internal;

import dev.gazette.publication.NameLikeness;
import dev.gazette.account.Account;
import dev.gazette.account.NewsletterReader;
import dev.gazette.account.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

	private static final String COLUMNS = """
			id, email, email_verified_at, display_name, password_hash, bio, avatar_png is not null as has_avatar,
			reply_notifications, newsletter, created_at, version""";

	private final JdbcClient jdbc;

	public AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<StoredAccount> byEmail(String email) {
		return jdbc.sql("select " + COLUMNS + " from account where email = :email")
			.param("email", email)
			.query((rs, n) -> stored(rs))
			.optional();
	}

	public Optional<StoredAccount> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from account where id = :id")
			.param("id", id)
			.query((rs, n) -> stored(rs))
			.optional();
	}

	public long insert(String email, String displayName, String passwordHash, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (email, display_name, name_key, password_hash, created_at)
				values (:email, :name, :key, :hash, :now)""")
			.param("email", email)
			.param("name", displayName)
			.param("key", NameLikeness.key(displayName))
			.param("hash", passwordHash)
			.param("now", at(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Whether an account's display name looks like a name with this {@link NameLikeness#key key}. */
	public boolean nameKeyTaken(String key) {
		return jdbc.sql("select count(*) from account where name_key = :key").param("key", key).query(Long.class).single() > 0;
	}

	public boolean emailTaken(String email) {
		return jdbc.sql("select count(*) from account where email = :email").param("email", email).query(Long.class).single() > 0;
	}

	public void markVerified(long id, Instant now) {
		jdbc.sql("update account set email_verified_at = :now where id = :id and email_verified_at is null")
			.param("id", id)
			.param("now", at(now))
			.update();
	}

	public void changeEmail(long id, String email, Instant now) {
		jdbc.sql("update account set email = :email, email_verified_at = :now where id = :id")
			.param("id", id)
			.param("email", email)
			.param("now", at(now))
			.update();
	}

	public void changePassword(long id, String hash) {
		jdbc.sql("update account set password_hash = :hash where id = :id").param("id", id).param("hash", hash).update();
	}

	public List<Long> idsWithAnyRole(java.util.Collection<String> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select distinct account_id from account_role where role in (:roles) order by account_id")
			.param("roles", roles)
			.query(Long.class)
			.list();
	}

	public void updateProfile(long id, String displayName, String bio, boolean replyNotifications, boolean newsletter) {
		jdbc.sql("""
				update account set display_name = :name, name_key = :key, bio = :bio, reply_notifications = :replies,
				       newsletter = :newsletter, version = version + 1
				where id = :id""")
			.param("id", id)
			.param("name", displayName)
			.param("key", NameLikeness.key(displayName))
			.param("bio", bio)
			.param("replies", replyNotifications)
			.param("newsletter", newsletter)
			.update();
	}

	/** @return whether the account exists */
	public boolean setReplyNotifications(long id, boolean on) {
		return jdbc.sql("update account set reply_notifications = :on, version = version + 1 where id = :id")
			.param("id", id)
			.param("on", on)
			.update() == 1;
	}

	/** @return whether the account exists */
	public boolean setNewsletter(long id, boolean on) {
		return jdbc.sql("update account set newsletter = :on, version = version + 1 where id = :id")
			.param("id", id)
			.param("on", on)
			.update() == 1;
	}

	public List<NewsletterReader> newsletterReaders() {
		return jdbc.sql("""
				select id, email, display_name from account
				where newsletter = true and email_verified_at is not null order by id""")
			.query((rs, n) -> new NewsletterReader(rs.getLong("id"), rs.getString("email"), rs.getString("display_name")))
			.list();
	}

	public void setAvatar(long id, byte[] png) {
		jdbc.sql("update account set avatar_png = :png, version = version + 1 where id = :id")
			.param("id", id)
			.param("png", png)
			.update();
	}

	public Optional<byte[]> avatar(long id) {
		return jdbc.sql("select avatar_png from account where id = :id and avatar_png is not null")
			.param("id", id)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	public Optional<Instant> suspendedUntil(long id, Instant now) {
		return jdbc.sql("select suspended_until from account where id = :id and suspended_until > :now")
			.param("id", id)
			.param("now", at(now))
			.query((rs, n) -> instant(rs, "suspended_until"))
			.optional();
	}

	public void suspend(long id, Instant until, String reason) {
		jdbc.sql("update account set suspended_until = :until, suspension_reason = :reason where id = :id")
			.param("id", id)
			.param("until", at(until))
			.param("reason", reason)
			.update();
	}

	public void delete(long id) {
		jdbc.sql("delete from account where id = :id").param("id", id).update();
	}

	public Set<Role> roles(long id) {
		Set<Role> roles = EnumSet.of(Role.READER);
		jdbc.sql("select role from account_role where account_id = :id")
			.param("id", id)
			.query((rs, n) -> Role.fromKey(rs.getString(1)))
			.list()
			.forEach(roles::add);
		return roles;
	}

	public void grant(long id, Role role) {
		jdbc.sql("insert into account_role (account_id, role) values (:id, :role) on conflict do nothing")
			.param("id", id)
			.param("role", role.key())
			.update();
	}

	public void revoke(long id, Role role) {
		jdbc.sql("delete from account_role where account_id = :id and role = :role")
			.param("id", id)
			.param("role", role.key())
			.update();
	}

	public long countWithRole(Role role) {
		return jdbc.sql("select count(*) from account_role where role = :role")
			.param("role", role.key())
			.query(Long.class)
			.single();
	}

	public List<StoredAccount> search(String query, int limit, long offset) {
		String pattern = "%" + query.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("select " + COLUMNS + " from account where email like :q or lower(display_name) like :q "
				+ "order by created_at desc, id desc limit :limit offset :offset")
			.param("q", pattern)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> stored(rs))
			.list();
	}

	public long count(String query) {
		String pattern = "%" + query.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("select count(*) from account where email like :q or lower(display_name) like :q")
			.param("q", pattern)
			.query(Long.class)
			.single();
	}

	public void record(long accountId, String kind, String detail, Long actorId, Instant now) {
		jdbc.sql("""
				insert into account_event (account_id, kind, detail, actor_id, occurred_at)
				values (:account, :kind, :detail, :actor, :now)""")
			.param("account", accountId)
			.param("kind", kind)
			.param("detail", detail)
			.param("actor", actorId)
			.param("now", at(now))
			.update();
	}

	public List<java.util.Map<String, Object>> events(long accountId) {
		return jdbc.sql("select kind, detail, occurred_at from account_event where account_id = :id order by id")
			.param("id", accountId)
			.query((rs, n) -> java.util.Map.<String, Object>of("kind", rs.getString("kind"), "detail",
					rs.getString("detail") == null ? "" : rs.getString("detail"), "at",
					instant(rs, "occurred_at").toString()))
			.list();
	}

	private StoredAccount stored(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		Account account = new Account(id, rs.getString("email"), rs.getString("display_name"), rs.getString("bio"),
				roles(id), rs.getObject("email_verified_at") != null, rs.getBoolean("has_avatar"),
				rs.getBoolean("reply_notifications"), rs.getBoolean("newsletter"), instant(rs, "created_at"),
				rs.getLong("version"));
		return new StoredAccount(account, rs.getString("password_hash"));
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	public static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	/** An account with its password hash, which never leaves this package. */
	public record StoredAccount(Account account, String passwordHash) {
	}
}
