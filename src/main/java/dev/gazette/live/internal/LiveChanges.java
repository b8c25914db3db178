package dev.gazette.live.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code live_change} table. On PostgreSQL a row written also sends {@code NOTIFY gazette_live} in the same
 * transaction: PostgreSQL delivers it at commit, and never for a rolled-back one.
 */
@Repository
public class LiveChanges {

	static final String CHANNEL = "gazette_live";

	private static final RowMapper<LiveChange> ROW = (rs, n) -> new LiveChange(rs.getLong("id"), rs.getString("kind"),
			rs.getString("article_slug"), rs.getLong("comment_id"), (Long) rs.getObject("parent_id", Long.class));

	private final JdbcClient jdbc;

	private final Clock clock;

	private final boolean postgres;

	LiveChanges(JdbcClient jdbc, Clock clock, DataSource dataSource) throws SQLException {
		this.jdbc = jdbc;
		this.clock = clock;
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
		}
	}

	boolean postgres() {
		return postgres;
	}

	/** In the caller's transaction. */
	void record(String kind, String articleSlug, long commentId, Long parentId) {
		jdbc.sql("""
				insert into live_change (kind, article_slug, comment_id, parent_id, changed_at)
				values (:kind, :slug, :comment, :parent, :at)""")
			.param("kind", kind)
			.param("slug", articleSlug)
			.param("comment", commentId)
			.param("parent", parentId)
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		if (postgres) {
			jdbc.sql("select pg_notify('" + CHANNEL + "', '')").query().singleRow();
		}
	}

	/** Rows after {@code id}, in id order. */
	List<LiveChange> after(long id, int limit) {
		return jdbc.sql("select * from live_change where id > :id order by id limit :limit")
			.param("id", id)
			.param("limit", limit)
			.query(ROW)
			.list();
	}

	/** One article's published comments after {@code id}, in id order. */
	List<LiveChange> publishedAfter(String articleSlug, long id, int limit) {
		return jdbc.sql("""
				select * from live_change where article_slug = :slug and id > :id and kind = 'published'
				order by id limit :limit""")
			.param("slug", articleSlug)
			.param("id", id)
			.param("limit", limit)
			.query(ROW)
			.list();
	}

	/** Comments that started waiting for a moderator after {@code id}, in id order. */
	List<LiveChange> pendingAfter(long id, int limit) {
		return jdbc.sql("select * from live_change where id > :id and kind = 'pending' order by id limit :limit")
			.param("id", id)
			.param("limit", limit)
			.query(ROW)
			.list();
	}

	/** The highest id written so far, 0 when none. */
	public long last() {
		return jdbc.sql("select coalesce(max(id), 0) from live_change").query(Long.class).single();
	}

	int forgetOlderThan(java.time.Instant before) {
		return jdbc.sql("delete from live_change where changed_at < :before")
			.param("before", before.atOffset(ZoneOffset.UTC))
			.update();
	}
}
