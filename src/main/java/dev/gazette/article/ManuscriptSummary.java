package dev.gazette.article;

import java.time.Instant;

/** A piece in a newsroom list: enough to find it and see where it stands, without its body.
 * {@code stateChangedAt} is when it last moved through the workflow (started, submitted, …); {@code null} for
 * articles from before the newsroom that never moved. */
public record ManuscriptSummary(long id, ArticleState state, String slug, String headline, Long ownerId,
		Instant createdAt, Instant publishedAt, Instant updatedAt, Instant stateChangedAt) {
}
