package dev.gazette.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code job} table. Every change of state is a conditional update, so of several nodes one wins. */
@Repository
public class JobTable {

	private static final int MAX_ERROR = 2_000;

	private final JdbcClient jdbc;

	JobTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row as the worker and the admin page read it. */
	record Row(long id, String kind, String key, String payload, String state, int attempts, Instant createdAt,
			Instant dueAt, String claimedBy, Instant claimedUntil, String lastError, Instant finishedAt) {
	}

	/** @return whether the job is new (a job of the same kind and key is added once) */
	public boolean add(String kind, String key, String payload, Instant dueAt, Instant now) {
		return jdbc.sql("""
				insert into job (kind, job_key, payload, state, attempts, created_at, due_at)
				values (:kind, :key, :payload, 'pending', 0, :now, :due)
				on conflict do nothing""")
			.param("kind", kind)
			.param("key", key)
			.param("payload", payload)
			.param("now", utc(now))
			.param("due", utc(dueAt))
			.update() == 1;
	}

	/** Jobs of these kinds that are due: pending ones whose time has come, and claims that have lapsed. */
	List<Long> due(Collection<String> kinds, Instant now, int limit) {
		return jdbc.sql("""
				select id from job
				where kind in (:kinds)
				  and ((state = 'pending' and due_at <= :now) or (state = 'running' and claimed_until < :now))
				order by due_at, id limit :limit""")
			.param("kinds", kinds)
			.param("now", utc(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Takes a due job for {@code node} until {@code until} and counts the attempt. The condition is checked by the
	 * update itself, so of several nodes that try at once exactly one sees the row change.
	 */
	boolean claim(long id, String node, Instant now, Instant until) {
		return jdbc.sql("""
				update job set state = 'running', claimed_by = :node, claimed_until = :until, attempts = attempts + 1
				where id = :id
				  and ((state = 'pending' and due_at <= :now) or (state = 'running' and claimed_until < :now))""")
			.param("id", id)
			.param("node", node)
			.param("now", utc(now))
			.param("until", utc(until))
			.update() == 1;
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select * from job where id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
	}

	/**
	 * Ends this node's run. The run is identified by node and attempt, so a node whose claim lapsed and was taken
	 * by another records nothing over the other's run.
	 */
	boolean finish(long id, String node, int attempt, Instant now) {
		return jdbc.sql("""
				update job set state = 'done', finished_at = :now, claimed_by = null, claimed_until = null
				where id = :id and state = 'running' and claimed_by = :node and attempts = :attempt""")
			.param("id", id)
			.param("node", node)
			.param("attempt", attempt)
			.param("now", utc(now))
			.update() == 1;
	}

	/** A failed run: due again at {@code next}, or dead when there is none. */
	boolean fail(long id, String node, int attempt, String error, Instant next, Instant now) {
		return jdbc.sql("""
				update job set state = :state, due_at = coalesce(:next, due_at), last_error = :error,
				    finished_at = :finished, claimed_by = null, claimed_until = null
				where id = :id and state = 'running' and claimed_by = :node and attempts = :attempt""")
			.param("id", id)
			.param("node", node)
			.param("attempt", attempt)
			.param("state", next == null ? "dead" : "pending")
			.param("next", next == null ? null : utc(next))
			.param("error", shorten(error))
			.param("finished", next == null ? utc(now) : null)
			.update() == 1;
	}

	/** Makes a dead job due now, for one more attempt. */
	boolean revive(long id, Instant now) {
		return jdbc.sql("""
				update job set state = 'pending', due_at = :now, finished_at = null
				where id = :id and state = 'dead'""")
			.param("id", id)
			.param("now", utc(now))
			.update() == 1;
	}

	/** Dead jobs, and running ones whose claim has lapsed (their node died or hangs), newest first. */
	List<Row> troubled(Instant now, int limit) {
		return jdbc.sql("""
				select * from job
				where state = 'dead' or (state = 'running' and claimed_until < :now)
				order by kind, created_at desc, id desc limit :limit""")
			.param("now", utc(now))
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Jobs in each state, for the page's summary. */
	List<Count> counts() {
		return jdbc.sql("select kind, state, count(*) as n from job group by kind, state order by kind, state")
			.query((rs, n) -> new Count(rs.getString("kind"), rs.getString("state"), rs.getLong("n")))
			.list();
	}

	record Count(String kind, String state, long jobs) {
	}

	/** Forgets finished jobs older than {@code before}; dead ones stay until an admin has seen them. */
	int purgeDone(Instant before) {
		return jdbc.sql("delete from job where state = 'done' and finished_at < :before")
			.param("before", utc(before))
			.update();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("job_key"), rs.getString("payload"),
				rs.getString("state"), rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "due_at"),
				rs.getString("claimed_by"), instant(rs, "claimed_until"), rs.getString("last_error"),
				instant(rs, "finished_at"));
	}

	private static String shorten(String error) {
		String text = error == null ? "(no message)" : error;
		if (text.length() <= MAX_ERROR) {
			return text;
		}
		int end = MAX_ERROR - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
