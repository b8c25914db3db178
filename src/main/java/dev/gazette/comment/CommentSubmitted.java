package dev.gazette.comment;

import java.util.UUID;

/**
 * Published when a comment is stored, whatever its status, inside the transaction that stores it. Its listeners run
 * there too (the screening's audit entry, live updates): what they write commits with the comment or not at all, and
 * costs the post one insert rather than a registry row and the transactions that finish it. The event carries what
 * they need (who wrote it, the screening record), so none reads back what was just written.
 * <p>
 * Not for listeners run after the commit ({@code @ApplicationModuleListener}): the registry would store a copy of the
 * event, screening record included (up to 4,000 characters), for each. Work after the commit listens to
 * {@link CommentPublished}; {@code ModularityTests} checks that no such listener takes this event.
 * <p>
 * {@code submission} names this one submission (a post, or an edit): a listener run again by the registry for the same
 * event sees the same id, and can tell that it has done its work already. Null in events stored before it existed.
 *
 * @param accountId the author's account, or {@code null} for a guest
 * @param authorName the name shown with it; {@code null} only in events stored before it was carried
 * @param screeningRecord what screening found (JSON), as stored with the comment; {@code null} when nothing screened
 * it, and in events a registry stored before it was carried
 */
public record CommentSubmitted(long commentId, long articleId, String articleSlug, Long parentId,
		CommentStatus status, UUID submission, Long accountId, String authorName, String screeningRecord) {

	/** Whether this event was stored before it carried the comment's author. */
	public boolean isThin() {
		return authorName == null;
	}
}
