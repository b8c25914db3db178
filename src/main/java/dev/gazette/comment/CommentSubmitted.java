package dev.gazette.comment;

import java.util.UUID;

/**
 * Published after a comment is stored, whatever its status. Listeners (notifications, search, live updates) run
 * after the commit and are recorded in the event publication registry, so none is lost in a crash. The event carries
 * what they need, so none reads back what the publisher has just written.
 * <p>
 * {@code submission} names this one submission (a post, or an edit): a listener run again by the registry for the same
 * event sees the same id, and can tell that it has done its work already. Null in events stored before it existed.
 *
 * @param accountId the author's account, or {@code null} for a guest
 * @param screeningRecord what screening decided, as stored with the comment (JSON); {@code null} only in events
 * stored before it was carried
 */
public record CommentSubmitted(long commentId, long articleId, String articleSlug, Long parentId,
		CommentStatus status, UUID submission, Long accountId, String screeningRecord) {
}
