package dev.gazette.comment;

import java.util.UUID;

/**
 * Published after a comment is stored, whatever its status. Listeners (notifications, search, live updates) run
 * after the commit and are recorded in the event publication registry, so none is lost in a crash. The event carries
 * who wrote the comment, so listeners need not read it back for that; the text and the screening record (up to 5,000
 * and 4,000 characters) stay in the database, because the registry stores a copy of the event for every listener in a
 * column of 4,000 characters.
 * <p>
 * {@code submission} names this one submission (a post, or an edit): a listener run again by the registry for the same
 * event sees the same id, and can tell that it has done its work already. Null in events stored before it existed.
 *
 * @param accountId the author's account, or {@code null} for a guest
 * @param authorName the name shown with it; {@code null} only in events stored before it was carried
 */
public record CommentSubmitted(long commentId, long articleId, String articleSlug, Long parentId,
		CommentStatus status, UUID submission, Long accountId, String authorName) {

	/** Whether this event was stored before it carried the comment's author. */
	public boolean isThin() {
		return authorName == null;
	}
}
