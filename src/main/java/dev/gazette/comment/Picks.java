package dev.gazette.comment;

import java.time.Clock;
import java.time.ZoneOffset;

import dev.gazette.comment.internal.CommentRepository;
import dev.gazette.comment.internal.DiscussionRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors' picks: a moderator features a published comment, and the discussion's Featured section shows it with the
 * name of who picked it. A held, rejected or deleted comment cannot be picked (readers could not read it), but a pick
 * can always be taken back.
 */
@Service
public class Picks {

	private final CommentRepository comments;

	private final DiscussionRows discussionRows;

	private final JdbcClient jdbc;

	private final Clock clock;

	Picks(CommentRepository comments, DiscussionRows discussionRows, JdbcClient jdbc, Clock clock) {
		this.comments = comments;
		this.discussionRows = discussionRows;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Features a comment as picked by {@code moderatorId}, or takes it out of the Featured section.
	 * @return the comment as it was before
	 * @throws IllegalArgumentException for an unknown comment, or featuring one that is not published
	 */
	@Transactional
	public Comment feature(long commentId, boolean featured, long moderatorId) {
		Comment comment = comments.find(commentId)
			.orElseThrow(() -> new IllegalArgumentException("There is no comment " + commentId + "."));
		if (featured && !comment.isPublished()) {
			throw new IllegalArgumentException("Only a published comment can be featured; comment " + commentId + " is "
					+ comment.status().key() + ".");
		}
		// The discussion's row lock before the comment's, as every change to an existing comment takes them.
		discussionRows.touch(comment.articleId(), 0, commentId);
		jdbc.sql("update comment set featured = :featured, featured_by = :by, featured_at = :at where id = :id")
			.param("id", commentId)
			.param("featured", featured)
			.param("by", featured ? moderatorId : null)
			.param("at", featured ? clock.instant().atOffset(ZoneOffset.UTC) : null)
			.update();
		return comment;
	}
}
