package dev.gazette.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.gazette.transaction.PerTransaction;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every moderation decision, by the system ({@code actorId} null) or a person: who, when, what, why. Entries are
 * only ever added.
 */
@Repository
public class AuditLog {

	/** One decision. {@code subjectId} is the account the decision is about (its author), if known. */
	public record Entry(long id, Long commentId, Long subjectId, Long actorId, String action, String reason,
			String detail, Instant at) {

		public boolean bySystem() {
			return actorId == null;
		}
	}

	/** What to show: all null means everything. */
	public record Filter(String action, Long actorId, Long commentId, Instant from, Instant to) {

		public static final Filter ALL = new Filter(null, null, null, null, null);
	}

	private static final String INSERT_SYSTEM_DECISION = """
			insert into moderation_audit (comment_id, subject_id, actor_id, action, reason, detail, occurred_at)
			values (?, ?, null, ?, null, ?, ?)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final Clock clock;

	/** The system's decisions recorded in the current transaction, written in one batch just before it commits. */
	private final PerTransaction<List<Object[]>> decisions = new PerTransaction<>(ArrayList::new, this::insert);

	AuditLog(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.clock = clock;
	}

	public void record(Long commentId, Long subjectId, Long actorId, String action, String reason, String detail) {
		jdbc.sql("""
				insert into moderation_audit (comment_id, subject_id, actor_id, action, reason, detail, occurred_at)
				values (:comment, :subject, :actor, :action, :reason, :detail, :at)""")
			.param("comment", commentId)
			.param("subject", subjectId)
			.param("actor", actorId)
			.param("action", action)
			.param("reason", truncate(reason, 1000))
			.param("detail", truncate(detail, 4000))
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * A decision of the system, recorded once per event: nothing happens when an entry for {@code eventId} exists
	 * already (a listener run again). A null {@code eventId} always records.
	 */
	void recordOnce(UUID eventId, Long commentId, Long subjectId, String action, String detail) {
		jdbc.sql("""
				insert into moderation_audit (comment_id, subject_id, actor_id, action, reason, detail, occurred_at, event_id)
				values (:comment, :subject, null, :action, null, :detail, :at, :event)
				on conflict do nothing""")
			.param("comment", commentId)
			.param("subject", subjectId)
			.param("action", action)
			.param("detail", truncate(detail, 4000))
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("event", eventId == null ? null : eventId.toString())
			.update();
	}

	/**
	 * A decision of the system, made in the transaction that stores its comment: written with that transaction's
	 * other such decisions in one batch just before it commits, so the entry commits with the comment or not at all
	 * and a group commit of many posts pays one batch for their entries. Outside a transaction, written at once.
	 */
	void recordWithCommit(long commentId, Long subjectId, String action, String detail) {
		Object[] row = { commentId, subjectId, action, truncate(detail, 4000), clock.instant().atOffset(ZoneOffset.UTC) };
		decisions.current().ifPresentOrElse(rows -> rows.add(row), () -> insert(List.<Object[]>of(row)));
	}

	private void insert(List<Object[]> rows) {
		if (rows.size() == 1) {
			batches.update(INSERT_SYSTEM_DECISION, rows.get(0));
		}
		else if (!rows.isEmpty()) {
			batches.batchUpdate(INSERT_SYSTEM_DECISION, rows);
		}
	}

	public List<Entry> find(Filter filter, int limit, long offset) {
		return jdbc.sql("select * from moderation_audit" + where(filter) + " order by occurred_at desc, id desc"
				+ " limit :limit offset :offset")
			.params(params(filter))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> entry(rs))
			.list();
	}

	public long count(Filter filter) {
		return jdbc.sql("select count(*) from moderation_audit" + where(filter)).params(params(filter)).query(Long.class).single();
	}

	List<Entry> ofComment(long commentId) {
		return find(new Filter(null, null, commentId, null, null), 100, 0);
	}

	private static String where(Filter filter) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (filter.action() != null) {
			where.append(" and action = :action");
		}
		if (filter.actorId() != null) {
			where.append(filter.actorId() == 0 ? " and actor_id is null" : " and actor_id = :actor");
		}
		if (filter.commentId() != null) {
			where.append(" and comment_id = :comment");
		}
		if (filter.from() != null) {
			where.append(" and occurred_at >= :from");
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < :to");
		}
		return where.toString();
	}

	private static java.util.Map<String, Object> params(Filter filter) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("action", filter.action());
		params.put("actor", filter.actorId());
		params.put("comment", filter.commentId());
		params.put("from", filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC));
		params.put("to", filter.to() == null ? null : filter.to().atOffset(ZoneOffset.UTC));
		return params;
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		return new Entry(rs.getLong("id"), nullable(rs, "comment_id"), nullable(rs, "subject_id"),
				nullable(rs, "actor_id"), rs.getString("action"), rs.getString("reason"), rs.getString("detail"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
	}

	private static Long nullable(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
