package dev.gazette.newsletter.internal;

import dev.gazette.newsletter.Frequency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code newsletter_subscriber} (guests) and {@code newsletter_preference} (accounts) tables. */
@Repository
public class Subscribers {

	private final JdbcClient jdbc;

	public Subscribers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A guest subscriber's row as stored. */
	public record Guest(long id, String email, String status, Frequency frequency, List<String> sections,
			Instant lastRequestedAt) {
	}

	/** An account's choices. */
	public record Preference(Frequency frequency, List<String> sections) {

		static final Preference DEFAULT = new Preference(Frequency.WEEKLY, List.of());
	}

	public Optional<Guest> guest(String email) {
		return jdbc.sql("select * from newsletter_subscriber where email = :email")
			.param("email", email)
			.query((rs, n) -> new Guest(rs.getLong("id"), rs.getString("email"), rs.getString("status"),
					Frequency.valueOf(rs.getString("frequency").toUpperCase(java.util.Locale.ROOT)),
					sections(rs.getString("sections")), rs.getObject("last_requested_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	public void addPending(String email, Frequency frequency, List<String> sections, String confirmHash, Instant expires,
			Instant now) {
		jdbc.sql("""
				insert into newsletter_subscriber (email, status, frequency, sections, requested_frequency,
				    requested_sections, confirm_hash, confirm_expires_at, last_requested_at, created_at)
				values (:email, 'pending', :frequency, :sections, :frequency, :sections, :hash, :expires, :now, :now)""")
			.param("email", email)
			.param("frequency", frequency.key())
			.param("sections", join(sections))
			.param("hash", confirmHash)
			.param("expires", utc(expires))
			.param("now", utc(now))
			.update();
	}

	/** A new request from a known address: its choices wait for the new link to be followed. */
	public void request(long id, Frequency frequency, List<String> sections, String confirmHash, Instant expires, Instant now) {
		jdbc.sql("""
				update newsletter_subscriber set requested_frequency = :frequency, requested_sections = :sections,
				    confirm_hash = :hash, confirm_expires_at = :expires, last_requested_at = :now
				where id = :id""")
			.param("id", id)
			.param("frequency", frequency.key())
			.param("sections", join(sections))
			.param("hash", confirmHash)
			.param("expires", utc(expires))
			.param("now", utc(now))
			.update();
	}

	/** Whether a confirmation link would work now, without using it. */
	public boolean confirmable(String confirmHash, Instant now) {
		return jdbc.sql("select count(*) from newsletter_subscriber where confirm_hash = :hash and confirm_expires_at > :now")
			.param("hash", confirmHash)
			.param("now", utc(now))
			.query(Long.class)
			.single() == 1;
	}

	/** Follows a confirmation link: once, before it expires. */
	public boolean confirm(String confirmHash, Instant now) {
		return jdbc.sql("""
				update newsletter_subscriber
				set status = 'confirmed', frequency = requested_frequency, sections = requested_sections,
				    confirmed_at = coalesce(confirmed_at, :now), confirm_hash = null, confirm_expires_at = null,
				    requested_frequency = null, requested_sections = null
				where confirm_hash = :hash and confirm_expires_at > :now""")
			.param("hash", confirmHash)
			.param("now", utc(now))
			.update() == 1;
	}

	/** Forgets unconfirmed addresses whose link has expired, and expired change requests of confirmed ones. */
	public int expire(Instant now) {
		int forgotten = jdbc.sql("delete from newsletter_subscriber where status = 'pending' and confirm_expires_at <= :now")
			.param("now", utc(now))
			.update();
		jdbc.sql("""
				update newsletter_subscriber set confirm_hash = null, confirm_expires_at = null,
				    requested_frequency = null, requested_sections = null
				where status = 'confirmed' and confirm_expires_at <= :now""")
			.param("now", utc(now))
			.update();
		return forgotten;
	}

	public void remove(long id) {
		jdbc.sql("delete from newsletter_subscriber where id = :id").param("id", id).update();
	}

	public List<Guest> confirmed() {
		return jdbc.sql("select * from newsletter_subscriber where status = 'confirmed' order by id")
			.query((rs, n) -> new Guest(rs.getLong("id"), rs.getString("email"), rs.getString("status"),
					Frequency.valueOf(rs.getString("frequency").toUpperCase(java.util.Locale.ROOT)),
					sections(rs.getString("sections")), null))
			.list();
	}

	public long pendingCount() {
		return jdbc.sql("select count(*) from newsletter_subscriber where status = 'pending'").query(Long.class).single();
	}

	public Preference preference(long accountId) {
		return jdbc.sql("select frequency, sections from newsletter_preference where account_id = :id")
			.param("id", accountId)
			.query((rs, n) -> new Preference(Frequency.valueOf(rs.getString("frequency").toUpperCase(java.util.Locale.ROOT)),
					sections(rs.getString("sections"))))
			.optional()
			.orElse(Preference.DEFAULT);
	}

	public java.util.Map<Long, Preference> preferences() {
		java.util.Map<Long, Preference> all = new java.util.HashMap<>();
		jdbc.sql("select account_id, frequency, sections from newsletter_preference").query(rs -> {
			all.put(rs.getLong("account_id"), new Preference(
					Frequency.valueOf(rs.getString("frequency").toUpperCase(java.util.Locale.ROOT)),
					sections(rs.getString("sections"))));
		});
		return all;
	}

	public void savePreference(long accountId, Frequency frequency, List<String> sections) {
		int updated = jdbc.sql("update newsletter_preference set frequency = :f, sections = :s where account_id = :id")
			.param("id", accountId)
			.param("f", frequency.key())
			.param("s", join(sections))
			.update();
		if (updated == 0) {
			jdbc.sql("insert into newsletter_preference (account_id, frequency, sections) values (:id, :f, :s) on conflict do nothing")
				.param("id", accountId)
				.param("f", frequency.key())
				.param("s", join(sections))
				.update();
		}
	}

	public void forgetAccount(long accountId) {
		jdbc.sql("delete from newsletter_preference where account_id = :id").param("id", accountId).update();
	}

	public static String join(List<String> sections) {
		return String.join(",", sections);
	}

	public static List<String> sections(String joined) {
		return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
	}

	public static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
