package dev.gazette.notification.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** The {@code reply_notification} and {@code reply_batch} tables. */
@Repository
class ReplyQueue {

	private final JdbcClient jdbc;

	ReplyQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** When the recipient's pending batch is due, if they have one: a new reply joins it. */
	Optional<Instant> pendingDueAt(long recipientId) {
		return jdbc.sql("select min(due_at) from reply_notification where recipient_id = :r and status = 'pending'")
			.param("r", recipientId)
			.query((rs, n) -> {
				OffsetDateTime due = rs.getObject(1, OffsetDateTime.class);
				return due == null ? null : due.toInstant();
			})
			.optional();
	}

	/** Adds a notification; a reply already known (approved again, or the listener run twice) is not added again. */
	void add(long recipientId, long replyId, Instant now, Instant dueAt) {
		jdbc.sql("""
				insert into reply_notification (recipient_id, reply_id, created_at, due_at, status)
				values (:r, :reply, :now, :due, 'pending')
				on conflict do nothing""")
			.param("r", recipientId)
			.param("reply", replyId)
			.param("now", utc(now))
			.param("due", utc(dueAt))
			.update();
	}

	record Pending(long id, long replyId) {
	}

	List<Pending> pending(long recipientId) {
		return jdbc.sql("select id, reply_id from reply_notification where recipient_id = :r and status = 'pending' order by id")
			.param("r", recipientId)
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("reply_id")))
			.list();
	}

	/**
	 * Takes rows out of 'pending'. The condition is checked by the update itself: of several nodes that try at once,
	 * one changes the rows and the others (after it commits) change none.
	 * @return how many rows this transaction took
	 */
	int settle(List<Long> ids, String status, Long batchId, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				update reply_notification set status = :status, batch_id = :batch, settled_at = :now
				where id = any(:ids) and status = 'pending'""")
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.param("status", status)
			.param("batch", batchId)
			.param("now", utc(now))
			.update();
	}

	void relabel(List<Long> ids, String status, Long batchId) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("update reply_notification set status = :status, batch_id = :batch where id = any(:ids)")
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.param("status", status)
			.param("batch", batchId)
			.update();
	}

	long addBatch(long recipientId, Instant sentAt, int replies, String unsubscribeHash) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into reply_batch (recipient_id, sent_at, reply_count, unsubscribe_hash)
				values (:r, :at, :count, :hash)""")
			.param("r", recipientId)
			.param("at", utc(sentAt))
			.param("count", replies)
			.param("hash", unsubscribeHash)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void recordMail(long batchId, long mailId) {
		jdbc.sql("update reply_batch set mail_id = :mail where id = :id").param("id", batchId).param("mail", mailId).update();
	}

	/** The account a one-click unsubscribe token was sent to. */
	Optional<Long> recipientOf(String unsubscribeHash) {
		return jdbc.sql("select recipient_id from reply_batch where unsubscribe_hash = :hash")
			.param("hash", unsubscribeHash)
			.query(Long.class)
			.optional();
	}

	/** An account that is gone is told nothing more. */
	void forget(long recipientId) {
		jdbc.sql("update reply_notification set status = 'dropped' where recipient_id = :r and status = 'pending'")
			.param("r", recipientId)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
