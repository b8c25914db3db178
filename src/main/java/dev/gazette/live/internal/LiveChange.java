package dev.gazette.live.internal;

/**
 * A row of the live feed.
 * @param id the event id, increasing in the order rows were written
 * @param kind {@code published} (a comment became visible), {@code pending} (one waits for a moderator), or another
 * kind of the change log's that no stream wants
 * @param articleSlug the article's slug (for the two kinds above)
 * @param commentId the comment (for another kind, the change's subject)
 * @param parentId the comment it replies to, or {@code null}
 */
record LiveChange(long id, String kind, String articleSlug, long commentId, Long parentId) {

	static final String PUBLISHED = dev.gazette.changes.ChangeLog.Change.PUBLISHED;

	static final String PENDING = dev.gazette.changes.ChangeLog.Change.PENDING;

	boolean isPublished() {
		return PUBLISHED.equals(kind);
	}

	boolean isPending() {
		return PENDING.equals(kind);
	}
}
