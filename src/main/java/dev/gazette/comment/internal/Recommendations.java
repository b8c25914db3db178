package dev.gazette.comment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.internal.Recommending.Counted;
import dev.gazette.comment.internal.Recommending.Refusal;
import dev.gazette.comment.internal.Recommending.Refused;
import dev.gazette.ratelimit.RateLimiter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed-in readers recommend comments: one recommendation per reader and comment, which they may take back; never
 * their own comment. The (comment, reader) primary key is what makes a double click or two racing requests count
 * once; the counts shown are counted from those rows.
 * <p>
 * Each change takes the discussion's row lock first ({@code DiscussionRows.touch}, as posting a comment does), which
 * serialises changes to one article's discussion and bumps its version, so every node's snapshot and the page kept
 * for readers who are not signed in show the new count on their next request.
 */
@Service
public class Recommendations {

	private final CommentRepository comments;

	private final DiscussionRows discussionRows;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final RateLimiter limiter;

	private final RateLimiter.Limit limit;

	private final Clock clock;

	Recommendations(CommentRepository comments, DiscussionRows discussionRows, JdbcClient jdbc,
			TransactionTemplate transaction, RateLimiter limiter, RecommendationProperties properties, Clock clock) {
		this.comments = comments;
		this.discussionRows = discussionRows;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.limiter = limiter;
		this.limit = new RateLimiter.Limit("comment-recommendations", properties.perPeriod(), properties.period());
		this.clock = clock;
	}

	/** The reader recommends the comment; recommending it again changes nothing. */
	public Recommending recommend(long commentId, long readerId) {
		return change(commentId, readerId, true);
	}

	/** The reader takes their recommendation back; taking back one never made changes nothing. */
	public Recommending withdraw(long commentId, long readerId) {
		return change(commentId, readerId, false);
	}

	/** A comment's count, for anyone; {@code readerId} may be null (a guest). Empty for a comment the public cannot see. */
	public Optional<Counted> count(long commentId, Long readerId) {
		return comments.find(commentId)
			.filter(Comment::isPublished)
			.map(comment -> counted(comment, readerId));
	}

	/** Which comments of an article this reader recommended: their page marks them. */
	public Set<Long> recommendedBy(long articleId, long readerId) {
		return Set.copyOf(jdbc.sql("""
				select r.comment_id from comment_recommendation r join comment c on c.id = r.comment_id
				where c.article_id = :article and r.account_id = :reader""")
			.param("article", articleId)
			.param("reader", readerId)
			.query(Long.class)
			.list());
	}

	private Recommending change(long commentId, long readerId, boolean recommend) {
		Duration wait = limiter.tryAcquire(limit, "account:" + readerId);
		if (!wait.isZero()) {
			return new Refused(Refusal.TOO_FAST, "You are recommending faster than anyone reads. Please try again in "
					+ Math.max(1, wait.toSeconds()) + " seconds.", wait);
		}
		return transaction.execute(status -> {
			Optional<Comment> found = comments.find(commentId);
			Optional<Refused> refused = refusal(found, readerId);
			if (refused.isPresent()) {
				return refused.get();
			}
			Comment comment = found.get();
			discussionRows.touch(comment.articleId(), 0, commentId);
			if (recommend) {
				jdbc.sql("""
						insert into comment_recommendation (comment_id, account_id, created_at)
						values (:comment, :reader, :at) on conflict do nothing""")
					.param("comment", commentId)
					.param("reader", readerId)
					.param("at", clock.instant().atOffset(ZoneOffset.UTC))
					.update();
			}
			else {
				jdbc.sql("delete from comment_recommendation where comment_id = :comment and account_id = :reader")
					.param("comment", commentId)
					.param("reader", readerId)
					.update();
			}
			return counted(comment, readerId);
		});
	}

	private static Optional<Refused> refusal(Optional<Comment> found, long readerId) {
		if (found.isEmpty() || found.get().status() == CommentStatus.PENDING
				|| found.get().status() == CommentStatus.REJECTED) {
			return Optional.of(new Refused(Refusal.NO_SUCH_COMMENT, "There is no such comment to recommend.",
					Duration.ZERO));
		}
		if (!found.get().isPublished()) {
			return Optional.of(new Refused(Refusal.NOT_PUBLISHED, "A deleted or removed comment cannot be recommended.",
					Duration.ZERO));
		}
		if (found.get().isBy(readerId)) {
			return Optional.of(new Refused(Refusal.OWN_COMMENT,
					"You cannot recommend your own comment: recommendations are how other readers say it is worth reading.",
					Duration.ZERO));
		}
		return Optional.empty();
	}

	private Counted counted(Comment comment, Long readerId) {
		int count = jdbc.sql("select count(*) from comment_recommendation where comment_id = :comment")
			.param("comment", comment.id())
			.query(Integer.class)
			.single();
		boolean yours = readerId != null && jdbc.sql(
				"select count(*) from comment_recommendation where comment_id = :comment and account_id = :reader")
			.param("comment", comment.id())
			.param("reader", readerId)
			.query(Integer.class)
			.single() > 0;
		return new Counted(comment.id(), comment.articleId(), count, yours);
	}
}
