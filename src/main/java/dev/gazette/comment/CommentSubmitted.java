package dev.gazette.comment;

/**
 * Published after a comment is stored, whatever its status. Listeners (notifications, search, live updates) run
 * after the commit and are recorded in the event publication registry, so none is lost in a crash.
 */
public record CommentSubmitted(long commentId, long articleId, String articleSlug, Long parentId,
		CommentStatus status) {
}
