package dev.gazette.comment;

import java.time.Instant;

/**
 * A comment became visible to the public: posted and published at once, or approved by a moderator after being
 * held. Announced once per such change, in the transaction that made it; listeners (reply notifications, webhooks,
 * search) run after the commit and are recorded in the event publication registry, so none is lost in a crash.
 *
 * @param commentId the comment
 * @param articleId its article
 * @param articleSlug its article's slug, for links
 * @param parentId the comment it replies to, or {@code null} for a new thread
 * @param accountId its author's account, or {@code null} for a guest
 * @param publishedAt when it became visible
 * @param authorName the name shown with it ("Anonymous" for a guest who gave none); {@code null} only in events
 * stored before it was carried
 * @param parentAccountId the account of the comment it replies to, or {@code null} (a new thread, or a guest's)
 * <p>
 * The text is not carried: it may be 5,000 characters (many more as HTML), and the event publication registry keeps
 * a copy of the event per listener in a column of 4,000 characters. A listener that needs it reads it.
 */
public record CommentPublished(long commentId, long articleId, String articleSlug, Long parentId, Long accountId,
		Instant publishedAt, String authorName, Long parentAccountId) {

	/** Whether this event was stored before it carried the comment's name and parent's account. */
	public boolean isThin() {
		return authorName == null;
	}

	/** The comment's permalink path, which redirects to wherever the comment is shown. */
	public String permalinkPath() {
		return "/articles/" + articleSlug + "/comments/" + commentId;
	}
}
