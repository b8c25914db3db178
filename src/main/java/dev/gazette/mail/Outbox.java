package dev.gazette.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code mail_message} and {@code mail_attempt} tables. */
@Repository
class Outbox {

	private static final int MAX_ERROR = 2_000;

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a mail; a queued one is due at once. */
	long add(Mail mail, MailStatus status, Instant createdAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into mail_message (recipient, subject, text_body, html_body, category, status, created_at,
				                          next_attempt_at, headers)
				values (:to, :subject, :text, :html, :category, :status, :created, :next, :headers)""")
			.param("to", mail.to())
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("category", mail.category())
			.param("status", status.key())
			.param("created", utc(createdAt))
			.param("next", status == MailStatus.QUEUED ? utc(createdAt) : null)
			.param("headers", writeHeaders(mail.headers()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Marks a mail as being sent. A failed one may be sent again: an admin retried its job.
	 * @return whether it is still to be sent
	 */
	boolean markSending(long id) {
		return jdbc.sql("update mail_message set status = 'sending' where id = :id and status in ('queued', 'sending', 'failed')")
			.param("id", id)
			.update() == 1;
	}

	@Transactional
	void recordSent(long id, Instant attemptedAt, Instant sentAt) {
		addAttempt(id, attemptedAt, null);
		jdbc.sql("""
				update mail_message
				set status = 'sent', sent_at = :sent, attempts = attempts + 1, next_attempt_at = null, claimed_until = null
				where id = :id and status = 'sending'""")
			.param("id", id)
			.param("sent", utc(sentAt))
			.update();
	}

	/** Records a failed attempt; with no next attempt the mail has failed for good. */
	@Transactional
	void recordFailure(long id, Instant attemptedAt, String error, Instant nextAttemptAt) {
		String shortError = shorten(error);
		addAttempt(id, attemptedAt, shortError);
		jdbc.sql("""
				update mail_message
				set status = :status, attempts = attempts + 1, next_attempt_at = :next, claimed_until = null,
				    last_error = :error
				where id = :id and status = 'sending'""")
			.param("id", id)
			.param("status", (nextAttemptAt == null ? MailStatus.FAILED : MailStatus.QUEUED).key())
			.param("next", nextAttemptAt == null ? null : utc(nextAttemptAt))
			.param("error", shortError)
			.update();
	}

	Optional<OutboxMessage> find(long id) {
		return jdbc.sql("select * from mail_message where id = :id")
			.param("id", id)
			.query((rs, n) -> message(rs))
			.optional();
	}

	/** A page of the outbox, newest first. */
	List<OutboxMessage> newest(int offset, int limit) {
		return jdbc.sql("select * from mail_message order by created_at desc, id desc limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> message(rs))
			.list();
	}

	long count() {
		return jdbc.sql("select count(*) from mail_message").query(Long.class).single();
	}

	List<MailAttempt> attempts(long mailId) {
		return jdbc.sql("select * from mail_attempt where mail_id = :id order by attempted_at, id")
			.param("id", mailId)
			.query((rs, n) -> new MailAttempt(instant(rs, "attempted_at"), "ok".equals(rs.getString("outcome")),
					rs.getString("error")))
			.list();
	}

	private void addAttempt(long mailId, Instant attemptedAt, String error) {
		jdbc.sql("""
				insert into mail_attempt (mail_id, attempted_at, outcome, error)
				values (:id, :at, :outcome, :error)""")
			.param("id", mailId)
			.param("at", utc(attemptedAt))
			.param("outcome", error == null ? "ok" : "error")
			.param("error", error)
			.update();
	}

	private static String shorten(String error) {
		if (error.length() <= MAX_ERROR) {
			return error;
		}
		int end = MAX_ERROR - 1;
		if (Character.isHighSurrogate(error.charAt(end - 1))) {
			end--;
		}
		return error.substring(0, end) + "…";
	}

	private static OutboxMessage message(ResultSet rs) throws SQLException {
		return new OutboxMessage(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("text_body"), rs.getString("html_body"), rs.getString("category"),
				MailStatus.fromKey(rs.getString("status")), instant(rs, "created_at"), instant(rs, "sent_at"),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
				readHeaders(rs.getString("headers")));
	}

	/** One {@code Name: value} line per header; {@link Mail} has made sure neither part holds a line break. */
	static String writeHeaders(Map<String, String> headers) {
		if (headers.isEmpty()) {
			return null;
		}
		StringBuilder lines = new StringBuilder();
		headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
		return lines.toString();
	}

	static Map<String, String> readHeaders(String lines) {
		if (lines == null || lines.isEmpty()) {
			return Map.of();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line : lines.split("\n")) {
			int colon = line.indexOf(": ");
			if (colon > 0) {
				headers.put(line.substring(0, colon), line.substring(colon + 2));
			}
		}
		return headers;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
