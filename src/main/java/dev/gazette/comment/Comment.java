package dev.gazette.comment;

import java.time.Instant;

/**
 * A reader's comment as stored. {@code authorName} is what the commenter typed (possibly blank: shown as
 * "Anonymous"); {@code bodyHtml} is the sanitised rendering of {@code body}, made once when it was written.
 */
public record Comment(long id, long articleId, Long parentId, String authorName, String body, String bodyHtml,
		CommentStatus status, Instant createdAt, Instant editedAt) {

	public static final String ANONYMOUS = "Anonymous";

	/** The name to show: the one given, or "Anonymous". */
	public String displayName() {
		return authorName == null || authorName.isBlank() ? ANONYMOUS : authorName;
	}

	public boolean isPublished() {
		return status == CommentStatus.PUBLISHED;
	}
}
