package dev.gazette.comment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import dev.gazette.comment.AuthorHistory;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.RecentComment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code comment} table as moderation reads it: the queues (comments by status, oldest first) and an author's
 * standing and recent texts, by account or, for a guest, by the address given. Read only; every write is
 * {@link CommentRepository}'s.
 */
@Repository
public class ModeratedComments {

	private final JdbcClient jdbc;

	ModeratedComments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Comment> inStatus(Set<CommentStatus> statuses, Long articleId, int limit, long offset, boolean newestFirst) {
		return jdbc.sql("select * from comment where status in (:statuses)"
				+ (articleId == null ? "" : " and article_id = :article")
				+ (newestFirst ? " order by created_at desc, id desc" : " order by created_at, id") + " limit :limit offset :offset")
			.param("statuses", statuses.stream().map(CommentStatus::key).toList())
			.param("article", articleId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> CommentRepository.comment(rs))
			.list();
	}

	public long countInStatus(Set<CommentStatus> statuses, Long articleId) {
		return jdbc.sql("select count(*) from comment where status in (:statuses)"
				+ (articleId == null ? "" : " and article_id = :article"))
			.param("statuses", statuses.stream().map(CommentStatus::key).toList())
			.param("article", articleId)
			.query(Long.class)
			.single();
	}

	public AuthorHistory history(Long accountId, String guestEmail, Instant since) {
		if (accountId == null && guestEmail == null) {
			return AuthorHistory.NONE;
		}
		// One pass over the author's comments (by account_id, or comment_guest_idx for a guest), not one a figure.
		return jdbc.sql("""
				select count(*) as total,
				       coalesce(sum(case when status = 'published' then 1 else 0 end), 0) as published_ever,
				       coalesce(sum(case when status = 'published' and created_at >= :since then 1 else 0 end), 0) as published,
				       coalesce(sum(case when status = 'pending' and created_at >= :since then 1 else 0 end), 0) as pending,
				       coalesce(sum(case when status = 'rejected' and created_at >= :since then 1 else 0 end), 0) as rejected
				from comment where\s""" + author(accountId))
			.param("account", accountId)
			.param("email", guestEmail)
			.param("since", since.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new AuthorHistory(rs.getInt("published"), rs.getInt("pending"), rs.getInt("rejected"),
					rs.getLong("total"), rs.getLong("published_ever")))
			.single();
	}

	public List<RecentComment> recentBy(Long accountId, String guestEmail, Instant since, int limit) {
		if (accountId == null && guestEmail == null) {
			return List.of();
		}
		return jdbc.sql("select id, status, created_at, body from comment where " + author(accountId)
				+ " and created_at >= :since order by created_at desc, id desc limit :limit")
			.param("account", accountId)
			.param("email", guestEmail)
			.param("since", since.atOffset(ZoneOffset.UTC))
			.param("limit", limit)
			.query((rs, n) -> new RecentComment(rs.getLong("id"), CommentStatus.fromKey(rs.getString("status")),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("body")))
			.list();
	}

	public int publishedUpTo(long accountId, int atMost) {
		return jdbc.sql("select count(*) from (select 1 from comment where account_id = :account"
				+ " and status = 'published' limit :limit) published")
			.param("account", accountId)
			.param("limit", atMost)
			.query(Integer.class)
			.single();
	}

	/**
	 * An account's comments, or a guest's by the address they gave. For a guest, "no account" is written so that no
	 * index can answer it: H2 otherwise planned some of these reads with comment_account_idx, whose "account_id is
	 * null" is every guest comment on the site, instead of comment_guest_idx, and kept that plan in its statement
	 * cache: 11 posts a second at 12,000 guest comments, and fewer with every comment.
	 */
	private static String author(Long accountId) {
		return accountId != null ? "account_id = :account" : "guest_email = :email and coalesce(account_id, 0) = 0";
	}
}
