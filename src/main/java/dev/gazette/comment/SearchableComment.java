package dev.gazette.comment;

import java.time.Instant;

/**
 * A comment as a search index for moderators holds it, whatever its status.
 * @param articleHeadline the article's headline, for showing a hit
 * @param accountId the author's account, or {@code null} for a guest
 * @param guestEmail a guest's e-mail address, or {@code null}
 */
public record SearchableComment(long id, long articleId, String articleSlug, String articleHeadline, Long accountId,
		String authorName, String guestEmail, String body, CommentStatus status, Instant createdAt) {
}
