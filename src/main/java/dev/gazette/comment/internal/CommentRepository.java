package dev.gazette.comment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentActivity;
import dev.gazette.comment.CommentChanged;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.SearchableComment;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The {@code comment} table for the feature's own writes and reads. The article's {@code discussion} row, which every
 * change to a comment touches first in the same transaction, is {@link DiscussionRows}; the reads moderation needs
 * are {@link ModeratedComments}; the idempotency keys are {@link CommentSubmissions}.
 */
@Repository
public class CommentRepository {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	CommentRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Every write that changes what a comment says, who wrote it or where it stands announces it here, in the
	 * writer's transaction, so that no path that changes a comment can forget to (the search feed relies on it).
	 */
	private void changed(long id) {
		events.publishEvent(new CommentChanged(id));
	}

	public List<Comment> ofArticle(long articleId) {
		return jdbc.sql("select * from comment where article_id = :article")
			.param("article", articleId)
			.query((rs, n) -> comment(rs))
			.list();
	}

	public Optional<Comment> find(long id) {
		return jdbc.sql("select * from comment where id = :id").param("id", id).query((rs, n) -> comment(rs)).optional();
	}

	public long insert(long articleId, Long parentId, Commenter commenter, String body, String bodyHtml, CommentStatus status,
			Instant createdAt) {
		return insert(articleId, parentId, commenter, body, bodyHtml, status, createdAt, null);
	}

	/**
	 * The same, with the screening's record ({@code null}: none) in the same statement. The comment is stamped with
	 * its discussion's version as it stands: the caller bumps that first ({@link DiscussionRows#touchBeforeInsert}).
	 */
	public long insert(long articleId, Long parentId, Commenter commenter, String body, String bodyHtml, CommentStatus status,
			Instant createdAt, String moderationRecord) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into comment (article_id, parent_id, account_id, author_name, guest_email, body, body_html, status,
				                     created_at, moderation, changed_in)
				values (:article, :parent, :account, :name, :email, :body, :html, :status, :created, :moderation,
				        coalesce((select version from discussion where article_id = :article), 0))""")
			.param("moderation", moderationRecord)
			.param("article", articleId)
			.param("parent", parentId)
			.param("account", commenter.accountId())
			.param("email", commenter.guestEmail())
			.param("name", commenter.name())
			.param("body", body)
			.param("html", bodyHtml)
			.param("status", status.key())
			.param("created", createdAt.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		changed(id);
		return id;
	}

	public void recordModeration(long id, String record) {
		jdbc.sql("update comment set moderation = :record where id = :id").param("id", id).param("record", record).update();
	}

	public Optional<String> moderationRecord(long id) {
		return jdbc.sql("select moderation from comment where id = :id and moderation is not null")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	public void setStatus(long id, CommentStatus status) {
		jdbc.sql("update comment set status = :status where id = :id").param("id", id).param("status", status.key()).update();
		changed(id);
	}

	public void setFeatured(long id, boolean featured) {
		jdbc.sql("update comment set featured = :featured where id = :id").param("id", id).param("featured", featured).update();
	}

	public List<Comment> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from comment where id = any(:ids)").param("ids", new SqlArrayValue("bigint", ids.toArray())).query((rs, n) -> comment(rs)).list();
	}

	public void updateBody(long id, String body, String bodyHtml, Instant editedAt) {
		jdbc.sql("update comment set body = :body, body_html = :html, edited_at = :at where id = :id")
			.param("id", id)
			.param("body", body)
			.param("html", bodyHtml)
			.param("at", editedAt.atOffset(ZoneOffset.UTC))
			.update();
		changed(id);
	}

	/** Marks a comment deleted and forgets its text; the row stays so replies keep their place. */
	public void markDeleted(long id) {
		jdbc.sql("update comment set status = 'deleted', body = '', body_html = '', guest_email = null where id = :id")
			.param("id", id)
			.update();
		changed(id);
	}

	List<Comment> byAccount(long accountId) {
		return jdbc.sql("select * from comment where account_id = :account order by created_at, id")
			.param("account", accountId)
			.query((rs, n) -> comment(rs))
			.list();
	}

	public List<Comment> recentPublishedByAccount(long accountId, int limit) {
		return jdbc.sql("""
				select * from comment where account_id = :account and status = 'published'
				order by created_at desc, id desc limit :limit""")
			.param("account", accountId)
			.param("limit", limit)
			.query((rs, n) -> comment(rs))
			.list();
	}

	boolean hasReplies(long id) {
		return jdbc.sql("select count(*) from comment where parent_id = :id").param("id", id).query(Long.class).single() > 0;
	}

	void deleteRow(long id) {
		jdbc.sql("delete from comment where id = :id").param("id", id).update();
		changed(id);
	}

	void rename(long accountId, String name) {
		jdbc.sql("update comment set author_name = :name where account_id = :account")
			.param("account", accountId)
			.param("name", name)
			.update();
		jdbc.sql("select id from comment where account_id = :account")
			.param("account", accountId)
			.query(Long.class)
			.list()
			.forEach(this::changed);
	}

	/** Comments by id as a search index holds them (any status); ids not found are left out. */
	public List<SearchableComment> searchable(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select c.id, c.article_id, a.slug, a.headline, c.account_id, c.author_name, c.guest_email, c.body, c.status,
				       c.created_at
				from comment c join article a on a.id = c.article_id where c.id = any(:ids)""")
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.query((rs, n) -> new SearchableComment(rs.getLong("id"), rs.getLong("article_id"), rs.getString("slug"),
					rs.getString("headline"), account(rs), rs.getString("author_name"), rs.getString("guest_email"),
					rs.getString("body"), CommentStatus.fromKey(rs.getString("status")), instant(rs, "created_at")))
			.list();
	}

	/** Up to {@code limit} comment ids above {@code after}, in order: for walking every comment in batches. */
	public List<Long> idsAfter(long after, int limit) {
		return jdbc.sql("select id from comment where id > :after order by id limit :limit")
			.param("after", after)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	List<Long> articlesOf(long accountId) {
		return jdbc.sql("select distinct article_id from comment where account_id = :account")
			.param("account", accountId)
			.query(Long.class)
			.list();
	}

	/**
	 * The article's comments changed after {@code version} ({@link DiscussionRows#touch(long, int, long)}), as stored now;
	 * at most {@code limit} + 1, so a caller can tell that there were more than it wants to apply one by one.
	 */
	public List<Comment> changedSince(long articleId, long version, int limit) {
		return jdbc.sql("select * from comment where article_id = :article and changed_in > :version limit :limit")
			.param("article", articleId)
			.param("version", version)
			.param("limit", limit + 1)
			.query((rs, n) -> comment(rs))
			.list();
	}

	public Map<Long, CommentActivity> activity(Collection<Long> articleIds, Instant recent, Instant since) {
		Map<Long, CommentActivity> activity = new HashMap<>();
		if (articleIds.isEmpty()) {
			return activity;
		}
		jdbc.sql("""
				select article_id,
				       sum(case when status = 'published' and created_at >= :recent then 1 else 0 end) as recent,
				       sum(case when status = 'published' and created_at >= :since then 1 else 0 end) as since,
				       sum(case when status = 'pending' then 1 else 0 end) as held
				from comment where article_id = any(:ids) group by article_id""")
			.param("ids", new SqlArrayValue("bigint", articleIds.toArray()))
			.param("recent", recent.atOffset(java.time.ZoneOffset.UTC))
			.param("since", since.atOffset(java.time.ZoneOffset.UTC))
			.query(rs -> {
				long id = rs.getLong("article_id");
				activity.put(id, new CommentActivity(id, rs.getLong("recent"), rs.getLong("since"), rs.getLong("held")));
			});
		return activity;
	}

	static Comment comment(ResultSet rs) throws SQLException {
		long parentId = rs.getLong("parent_id");
		Long parent = rs.wasNull() ? null : parentId;
		return new Comment(rs.getLong("id"), rs.getLong("article_id"), parent,
				rs.getString("author_name"), rs.getString("body"), rs.getString("body_html"),
				CommentStatus.fromKey(rs.getString("status")), instant(rs, "created_at"), instant(rs, "edited_at"),
				account(rs), rs.getBoolean("featured"));
	}

	private static Long account(ResultSet rs) throws SQLException {
		long id = rs.getLong("account_id");
		return rs.wasNull() ? null : id;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
