package dev.gazette.webhook.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code webhook_delivery} table: each call to make and what came of it; the job queue says when. */
@Repository
class DeliveryQueue {

	private static final int MAX_ERROR = 2_000;

	private final JdbcClient jdbc;

	DeliveryQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Delivery(long id, long webhookId, String deliveryId, String eventId, String eventType, String payload,
			String status, Instant createdAt, int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError,
			Instant deliveredAt) {
	}

	/**
	 * Queues an event for a webhook; the same event for the same webhook is queued once.
	 * @return the new delivery's id, or empty when it was queued already (a listener run again)
	 */
	Optional<Long> add(long webhookId, String eventId, String eventType, String payload, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			int added = jdbc.sql("""
					insert into webhook_delivery (webhook_id, delivery_id, event_id, event_type, payload, status,
					    created_at, next_attempt_at)
					values (:hook, :delivery, :event, :type, :payload, 'queued', :now, :now)
					on conflict do nothing""")
				.param("hook", webhookId)
				.param("delivery", UUID.randomUUID().toString())
				.param("event", eventId)
				.param("type", eventType)
				.param("payload", payload)
				.param("now", utc(now))
				.update(keys, "id");
			return added == 1 ? Optional.of(keys.getKey().longValue()) : Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			// H2 may report a race with another run of the listener as a duplicate rather than skip the row.
			return Optional.empty();
		}
	}

	/**
	 * Marks a delivery as being made. A failed one may be made again: an admin retried its job.
	 * @return whether it is still to be made
	 */
	boolean markDelivering(long id) {
		return jdbc.sql("update webhook_delivery set status = 'delivering' where id = :id and status <> 'delivered'")
			.param("id", id)
			.update() == 1;
	}

	void recordDelivered(long id, int status, Instant at) {
		jdbc.sql("""
				update webhook_delivery set status = 'delivered', attempts = attempts + 1, last_status = :code,
				    last_error = null, delivered_at = :at, next_attempt_at = null, claimed_until = null
				where id = :id""")
			.param("id", id)
			.param("code", status)
			.param("at", utc(at))
			.update();
	}

	/** A failed attempt and its answer ({@code status} is {@code null} when there was none). */
	void recordFailure(long id, Integer status, String error) {
		jdbc.sql("""
				update webhook_delivery set attempts = attempts + 1, last_status = :code, last_error = :error
				where id = :id""")
			.param("id", id)
			.param("code", status)
			.param("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
			.update();
	}

	/** After a failed attempt: queued again until {@code nextAttemptAt}, or failed for good when there is none. */
	void scheduleRetry(long id, Instant nextAttemptAt) {
		jdbc.sql("update webhook_delivery set status = :status, next_attempt_at = :next where id = :id and status = 'delivering'")
			.param("id", id)
			.param("status", nextAttemptAt == null ? "failed" : "queued")
			.param("next", nextAttemptAt == null ? null : utc(nextAttemptAt))
			.update();
	}

	Optional<Delivery> find(long id) {
		return jdbc.sql("select * from webhook_delivery where id = :id").param("id", id).query((rs, n) -> delivery(rs)).optional();
	}

	List<Delivery> latest(int limit) {
		return jdbc.sql("select * from webhook_delivery order by created_at desc, id desc limit :limit")
			.param("limit", limit)
			.query((rs, n) -> delivery(rs))
			.list();
	}

	private static Delivery delivery(java.sql.ResultSet rs) throws java.sql.SQLException {
		int code = rs.getInt("last_status");
		Integer lastStatus = rs.wasNull() ? null : code;
		return new Delivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("delivery_id"),
				rs.getString("event_id"), rs.getString("event_type"), rs.getString("payload"), rs.getString("status"),
				instant(rs, "created_at"), rs.getInt("attempts"), instant(rs, "next_attempt_at"), lastStatus,
				rs.getString("last_error"), instant(rs, "delivered_at"));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
