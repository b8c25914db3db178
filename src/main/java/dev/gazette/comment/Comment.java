package dev.gazette.comment;

import java.time.Instant;

/**
 * A reader's comment as stored. {@code authorName} is the account's display name, or what a guest typed (possibly
 * blank: shown as "Anonymous"); {@code bodyHtml} is the sanitised rendering of {@code body}, made once when it was
 * written; {@code accountId} is {@code null} for a guest.
 */
public record Comment(long id, long articleId, Long parentId, String authorName, String body, String bodyHtml,
		CommentStatus status, Instant createdAt, Instant editedAt, Long accountId, boolean featured) {

	public static final String ANONYMOUS = "Anonymous";

	/** The name to show: the one given, or "Anonymous". */
	public String displayName() {
		return authorName == null || authorName.isBlank() ? ANONYMOUS : authorName;
	}

	/** Whether the account with this id wrote the comment (guests' comments belong to no account). */
	public boolean isBy(long account) {
		return accountId != null && accountId == account;
	}

	public boolean isPublished() {
		return status == CommentStatus.PUBLISHED;
	}
}
