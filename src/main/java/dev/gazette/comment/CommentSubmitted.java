package dev.gazette.comment;

import java.util.UUID;

/**
 * Published after a comment is stored, whatever its status. Listeners (notifications, search, live updates) run
 * after the commit and are recorded in the event publication registry, so none is lost in a crash.
 * <p>
 * {@code submission} names this one submission (a post, or an edit): a listener run again by the registry for the same
 * event sees the same id, and can tell that it has done its work already. Null in events stored before it existed.
 */
public record CommentSubmitted(long commentId, long articleId, String articleSlug, Long parentId,
		CommentStatus status, UUID submission) {
}
