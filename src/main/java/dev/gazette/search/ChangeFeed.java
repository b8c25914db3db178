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

	/** The lowest id still kept, or {@code null} when the feed is empty. */
	Long first() {
		return jdbc.sql("select min(id) from search_change").query(Long.class).optional().orElse(null);
	}

	/**
	 * Forgets the rows older than {@code retention}. A node that was away longer than that finds the rows it missed
	 * gone (the feed's first id is past its position) and rebuilds its index from the database instead. The newest row
	 * always stays, so that an emptied feed cannot pass for one with nothing missed.
	 * @return how many rows went
	 */
	int prune(java.time.Duration retention) {
		return jdbc.sql("delete from search_change where changed_at < :before"
				+ " and id < (select max(s.id) from search_change s)")
			.param("before", clock.instant().minus(retention).atOffset(java.time.ZoneOffset.UTC))
			.update();
	}

	/** The highest id written so far, 0 when none. */
	long last() {
		return jdbc.sql("select coalesce(max(id), 0) from search_change").query(Long.class).single();
	}
}
