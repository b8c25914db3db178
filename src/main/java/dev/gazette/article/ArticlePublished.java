package dev.gazette.article;

import java.time.Instant;

/**
 * An article became visible to readers: published with a time that has come, or a future-dated article whose time
 * came. Announced once per article (the {@code article.announced_at} marker), in the transaction that sets the
 * marker; listeners (webhooks, later search and feeds) run after the commit and are recorded in the event publication
 * registry.
 *
 * @param articleId the article
 * @param slug its slug: its page is {@code /articles/{slug}}
 * @param headline its headline
 * @param sectionSlug its section, or {@code null}
 * @param publishedAt its publication time
 */
public record ArticlePublished(long articleId, String slug, String headline, String sectionSlug, Instant publishedAt) {
}
