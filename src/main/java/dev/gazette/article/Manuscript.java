package dev.gazette.article;

import java.time.Instant;

/**
 * An article as the newsroom sees it, in any state. {@code state} is the state as readers experience it: a scheduled
 * article whose time has come is {@link ArticleState#PUBLISHED}, even before the announcer has recorded that.
 *
 * @param ownerId the account that started it, or {@code null} for articles from before the newsroom
 * @param publishedAt when it was (or is to be) first published; {@code null} for a piece never published
 * @param version bumped by every change
 */
public record Manuscript(long id, ArticleState state, ArticleCopy copy, Long ownerId, Instant createdAt,
		Instant publishedAt, Instant updatedAt, long version) {

	public boolean ownedBy(long accountId) {
		return ownerId != null && ownerId == accountId;
	}

	/** Whether the piece, as it stands now, may move to {@code target} ({@link ArticleState#canMoveTo}). */
	public boolean canMoveTo(ArticleState target) {
		return state.canMoveTo(target);
	}
}
