package dev.gazette.newsroom.internal;

import dev.gazette.newsroom.Pitch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class PitchRepository {

	private final JdbcClient jdbc;

	public PitchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String name, String email, String summary, String sample, String sampleUrl, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into pitch (name, email, summary, sample, sample_url, status, created_at)
				values (:name, :email, :summary, :sample, :url, 'open', :now)""")
			.param("name", name)
			.param("email", email)
			.param("summary", summary)
			.param("sample", sample)
			.param("url", sampleUrl)
			.param("now", now.atOffset(java.time.ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Pitch> find(long id) {
		return jdbc.sql("select * from pitch where id = :id").param("id", id).query((rs, n) -> pitch(rs)).optional();
	}

	/** Pitches with a status (all when null), newest first. */
	public List<Pitch> list(String status, int limit) {
		return jdbc.sql("select * from pitch where (:status = '' or status = :status) order by created_at desc, id desc limit :limit")
			.param("status", status == null ? "" : status)
			.param("limit", limit)
			.query((rs, n) -> pitch(rs))
			.list();
	}

	/** The pitches sent from this address or that made this account a contributor, oldest first. */
	public List<Pitch> ofPerson(String email, long accountId) {
		return jdbc.sql("select * from pitch where email = :email or account_id = :account order by created_at, id")
			.param("email", email == null ? "" : email.toLowerCase(java.util.Locale.ROOT))
			.param("account", accountId)
			.query((rs, n) -> pitch(rs))
			.list();
	}

	public long count(String status) {
		return jdbc.sql("select count(*) from pitch where status = :status").param("status", status).query(Long.class).single();
	}

	/** Records a decision on an open pitch; false when it was decided meanwhile. */
	public boolean decide(long id, String status, Long accountId, long deciderId, String deciderName, String message, Instant now) {
		return jdbc.sql("""
				update pitch set status = :status, account_id = :account, decided_by = :by, decided_by_name = :name,
				    decision_message = :message, decided_at = :now
				where id = :id and status = 'open'""")
			.param("status", status)
			.param("account", accountId)
			.param("by", deciderId)
			.param("name", deciderName)
			.param("message", message)
			.param("now", now.atOffset(java.time.ZoneOffset.UTC))
			.param("id", id)
			.update() == 1;
	}

	private static Pitch pitch(ResultSet rs) throws SQLException {
		long account = rs.getLong("account_id");
		Long accountId = rs.wasNull() ? null : account;
		java.time.OffsetDateTime decided = rs.getObject("decided_at", java.time.OffsetDateTime.class);
		return new Pitch(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("summary"),
				rs.getString("sample"), rs.getString("sample_url"), rs.getString("status"),
				rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), decided == null ? null : decided.toInstant(),
				rs.getString("decided_by_name"), rs.getString("decision_message"), accountId);
	}
}
