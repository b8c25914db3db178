package dev.gazette.article;

import java.time.Instant;

/** Where a published article lives and when it last changed: what a sitemap needs of it. */
public record ArticleStamp(long id, String slug, Instant publishedAt, Instant updatedAt) {

	/** When the article last changed: its update, or its publication. */
	public Instant lastModified() {
		return updatedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
	}
}
