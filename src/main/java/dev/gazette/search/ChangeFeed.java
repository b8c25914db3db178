package dev.gazette.search;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code search_change} table: one row per change an index must apply, with an increasing id. Rows are written in
 * the transaction of the change itself and read by every node.
 */
@Repository
class ChangeFeed {

	/** A row: what changed ({@code article} or {@code comment}) and its id. */
	record Change(long id, String kind, long subjectId) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ChangeFeed(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** In the caller's transaction. */
	void record(String kind, long subjectId) {
		jdbc.sql("insert into search_change (kind, subject_id, changed_at) values (:kind, :subject, :at)")
			.param("kind", kind)
			.param("subject", subjectId)
			.param("at", clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.update();
	}

	List<Change> after(long id, int limit) {
		return jdbc.sql("select id, kind, subject_id from search_change where id > :id order by id limit :limit")
			.param("id", id)
			.param("limit", limit)
			.query((rs, n) -> new Change(rs.getLong("id"), rs.getString("kind"), rs.getLong("subject_id")))
			.list();
	}

	/** The highest id written so far, 0 when none. */
	long last() {
		return jdbc.sql("select coalesce(max(id), 0) from search_change").query(Long.class).single();
	}
}
