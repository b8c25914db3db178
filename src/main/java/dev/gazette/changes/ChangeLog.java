package dev.gazette.changes;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reading the {@code change_log} table (see the package's description). Writing is this module's own business: it
 * listens to the articles' and comments' events.
 */
@Repository
public class ChangeLog {

	/** PostgreSQL's notification channel: one {@code NOTIFY} per transaction that wrote rows. */
	public static final String CHANNEL = "gazette_live";

	/**
	 * A row.
	 * @param id increasing in the order rows were written
	 * @param kind {@link #ARTICLE}, {@link #COMMENT}, {@link #PUBLISHED} or {@link #PENDING}
	 * @param subjectId the article's id for {@link #ARTICLE}, otherwise the comment's
	 * @param articleSlug the comment's article, for {@link #PUBLISHED} and {@link #PENDING}; otherwise {@code null}
	 * @param parentId the comment a published or held comment replies to, or {@code null}
	 */
	public record Change(long id, String kind, long subjectId, String articleSlug, Long parentId) {

		/** An article changed in any way. */
		public static final String ARTICLE = "article";

		/** A comment changed (edited, moderated, removed, its author renamed) and is neither of the two below. */
		public static final String COMMENT = "comment";

		/** A comment became visible to readers (and may have changed otherwise too). */
		public static final String PUBLISHED = "published";

		/** A comment was stored waiting for a moderator. */
		public static final String PENDING = "pending";

		/** Whether the subject is a comment, whatever happened to it. */
		public boolean isComment() {
			return !ARTICLE.equals(kind);
		}
	}

	private static final RowMapper<Change> ROW = (rs, n) -> new Change(rs.getLong("id"), rs.getString("kind"),
			rs.getLong("subject_id"), rs.getString("article_slug"), rs.getObject("parent_id", Long.class));

	private static final String COLUMNS = "id, kind, subject_id, article_slug, parent_id";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final boolean postgres;

	ChangeLog(JdbcClient jdbc, Clock clock, DataSource dataSource) throws SQLException {
		this.jdbc = jdbc;
		this.clock = clock;
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
		}
	}

	/** Whether the database is PostgreSQL, where writers notify {@link #CHANNEL}. */
	public boolean postgres() {
		return postgres;
	}

	/** Every row after {@code id}, in id order. */
	public List<Change> after(long id, int limit) {
		return jdbc.sql("select " + COLUMNS + " from change_log where id > :id order by id limit :limit")
			.param("id", id)
			.param("limit", limit)
			.query(ROW)
			.list();
	}

	/** One article's comments published after {@code id}, in id order. */
	public List<Change> publishedAfter(String articleSlug, long id, int limit) {
		return jdbc.sql("select " + COLUMNS + " from change_log where article_slug = :slug and id > :id"
				+ " and kind = 'published' order by id limit :limit")
			.param("slug", articleSlug)
			.param("id", id)
			.param("limit", limit)
			.query(ROW)
			.list();
	}

	/** Comments held for a moderator after {@code id}, in id order. */
	public List<Change> pendingAfter(long id, int limit) {
		return jdbc.sql("select " + COLUMNS + " from change_log where id > :id and kind = 'pending' order by id limit :limit")
			.param("id", id)
			.param("limit", limit)
			.query(ROW)
			.list();
	}

	/** The lowest id still kept, or {@code null} when the log is empty. */
	public Long first() {
		return jdbc.sql("select min(id) from change_log").query(Long.class).optional().orElse(null);
	}

	/** The highest id written so far, 0 when none. */
	public long last() {
		return jdbc.sql("select coalesce(max(id), 0) from change_log").query(Long.class).single();
	}

	/**
	 * Deletes the rows older than {@code keep}, but never the newest, so that an emptied log cannot pass for one with
	 * nothing missed. Rows are written in time order, so the cut is the first row young enough, found by the primary
	 * key from the oldest: no index on the time is kept up by every write for this.
	 * @return how many rows went
	 */
	int prune(Duration keep) {
		Long cut = jdbc.sql("select id from change_log where changed_at >= :before order by id limit 1")
			.param("before", clock.instant().minus(keep).atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.optional()
			.orElseGet(this::last);
		return jdbc.sql("delete from change_log where id < :cut").param("cut", cut).update();
	}
}
