package dev.gazette.moderation;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers' reports of comments. A signed-in reader reports a comment once, with a reason; when a published comment
 * reaches {@code gazette.moderation.report-threshold} open reports that count it is held for a moderator
 * automatically. Reports count from accounts at least {@code new-account-age} old with a published comment of their
 * own; staff's comments (editors, moderators, admins) and the article's authors' are never held on reports alone.
 * Every report is recorded and puts the comment in the Reported queue.
 */
@Service
public class Reports {

	/** Why a comment is reported. */
	public enum Reason {
		ABUSE("abuse or harassment"), HATE("hate"), SPAM("spam"), OFF_TOPIC("off-topic"), OTHER("other");

		private final String label;

		Reason(String label) {
			this.label = label;
		}

		public String key() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		public String label() {
			return label;
		}

		/** @throws IllegalArgumentException naming the reasons there are, for a key that is none of them */
		public static Reason fromKey(String key) {
			for (Reason reason : values()) {
				// "off_topic" and "OFF-TOPIC" are taken as before, when this was the enum's own lookup.
				if (reason.key().equals(key.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
					return reason;
				}
			}
			throw new IllegalArgumentException("Please choose one of the reasons offered: "
					+ java.util.Arrays.stream(values()).map(Reason::key).collect(java.util.stream.Collectors.joining(", "))
					+ ".");
		}
	}

	/** The outcome of a report, for the reader. */
	public enum Outcome {
		RECORDED, ALREADY_REPORTED, HELD
	}

	private final JdbcClient jdbc;

	private final Comments comments;

	private final AuditLog audit;

	private final ModerationProperties properties;

	private final Clock clock;

	Reports(JdbcClient jdbc, Comments comments, AuditLog audit, ModerationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.comments = comments;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @throws IllegalArgumentException when the comment is not a published one, “other” comes without text, or the
	 * text is too long; nothing is stored then
	 */
	@Transactional
	public Outcome report(long commentId, long reporterId, Reason reason, String detail) {
		Comment comment = comments.find(commentId)
			.filter(Comment::isPublished)
			.orElseThrow(() -> new IllegalArgumentException("There is no published comment " + commentId + " to report."));
		String text = detail == null ? "" : detail.strip();
		if (reason == Reason.OTHER && text.isEmpty()) {
			throw new IllegalArgumentException("Please say what is wrong with the comment.");
		}
		if (text.length() > 500) {
			throw new IllegalArgumentException("Please keep the explanation under 500 characters.");
		}
		int inserted = jdbc.sql("""
				insert into comment_report (comment_id, reporter_id, reason, detail, created_at)
				values (:comment, :reporter, :reason, :detail, :now) on conflict do nothing""")
			.param("comment", commentId)
			.param("reporter", reporterId)
			.param("reason", reason.key())
			.param("detail", text.isEmpty() ? null : text)
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		if (inserted == 0) {
			return Outcome.ALREADY_REPORTED;
		}
		audit.record(commentId, comment.accountId(), reporterId, "reported", reason.label(), text.isEmpty() ? null : text);
		if (!isStaffOn(comment) && reportsThatCount(commentId) >= properties.reportThreshold()) {
			comments.moderate(commentId, CommentStatus.PENDING);
			audit.record(commentId, comment.accountId(), null, "held",
					properties.reportThreshold() + " reports", "held automatically for review");
			return Outcome.HELD;
		}
		return Outcome.RECORDED;
	}

	/**
	 * Open reports that count toward the automatic hold: those of accounts at least {@code new-account-age} old
	 * with at least one published comment of their own. A handful of accounts made a minute ago could otherwise hide
	 * anyone's comment; their reports are still recorded and shown in the Reported queue.
	 */
	long reportsThatCount(long commentId) {
		return jdbc.sql("""
				select count(*) from comment_report r join account a on a.id = r.reporter_id
				where r.comment_id = :comment and r.resolved_at is null and a.created_at <= :established
				  and exists (select 1 from comment own where own.account_id = r.reporter_id
				              and own.status = 'published' and own.id <> :comment)""")
			.param("comment", commentId)
			.param("established", clock.instant().minus(properties.newAccountAge()).atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/**
	 * Whether the comment is by staff (an editor, moderator or admin) or by an author of the article: reports alone
	 * never hold theirs; moderators find it in the Reported queue.
	 */
	private boolean isStaffOn(Comment comment) {
		if (comment.accountId() == null) {
			return false;
		}
		return jdbc.sql("""
				select (select count(*) from account_role where account_id = :account
				        and role in ('editor', 'moderator', 'admin'))
				     + (select count(*) from article_author aa join author au on au.id = aa.author_id
				        where aa.article_id = :article and au.account_id = :account)""")
			.param("account", comment.accountId())
			.param("article", comment.articleId())
			.query(Long.class)
			.single() > 0;
	}

	long openReports(long commentId) {
		return jdbc.sql("select count(*) from comment_report where comment_id = :comment and resolved_at is null")
			.param("comment", commentId)
			.query(Long.class)
			.single();
	}

	/** Open reports by comment, for the console. */
	Map<Long, List<String>> openReasons(Set<Long> commentIds) {
		Map<Long, List<String>> reasons = new HashMap<>();
		if (commentIds.isEmpty()) {
			return reasons;
		}
		jdbc.sql("select comment_id, reason, detail from comment_report where comment_id = any(:ids) and resolved_at is null order by id")
			.param("ids", new SqlArrayValue("bigint", commentIds.toArray()))
			.query(rs -> {
				String reason = Reason.fromKey(rs.getString("reason")).label();
				String detail = rs.getString("detail");
				reasons.computeIfAbsent(rs.getLong("comment_id"), id -> new java.util.ArrayList<>())
					.add(detail == null ? reason : reason + ": " + detail);
			});
		return reasons;
	}

	/** Ids of comments with open reports, oldest report first. */
	List<Long> reportedCommentIds(Long articleId, int limit, long offset) {
		return jdbc.sql("select r.comment_id from comment_report r join comment c on c.id = r.comment_id "
				+ "where r.resolved_at is null" + (articleId == null ? "" : " and c.article_id = :article")
				+ " group by r.comment_id order by min(r.created_at) limit :limit offset :offset")
			.param("article", articleId)
			.param("limit", limit)
			.param("offset", offset)
			.query(Long.class)
			.list();
	}

	long countReported(Long articleId) {
		return jdbc.sql("select count(distinct r.comment_id) from comment_report r join comment c on c.id = r.comment_id "
				+ "where r.resolved_at is null" + (articleId == null ? "" : " and c.article_id = :article"))
			.param("article", articleId)
			.query(Long.class)
			.single();
	}

	/** A moderator decided: the comment's open reports are settled. */
	void resolve(long commentId) {
		jdbc.sql("update comment_report set resolved_at = :now where comment_id = :comment and resolved_at is null")
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("comment", commentId)
			.update();
	}

	long reportsAgainst(Long accountId) {
		if (accountId == null) {
			return 0;
		}
		return jdbc.sql("select count(*) from comment_report r join comment c on c.id = r.comment_id where c.account_id = :account")
			.param("account", accountId)
			.query(Long.class)
			.single();
	}
}
