package dev.gazette.live.internal;

/**
 * A row of the live feed.
 * @param id the event id, increasing in the order rows were written
 * @param kind {@code published} (a comment became visible) or {@code pending} (one waits for a moderator)
 * @param articleSlug the article's slug
 * @param commentId the comment
 * @param parentId the comment it replies to, or {@code null}
 */
record LiveChange(long id, String kind, String articleSlug, long commentId, Long parentId) {

	static final String PUBLISHED = "published";

	static final String PENDING = "pending";

	boolean isPublished() {
		return PUBLISHED.equals(kind);
	}
}
