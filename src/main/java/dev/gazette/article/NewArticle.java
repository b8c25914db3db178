package dev.gazette.article;

import java.time.Instant;
import java.util.List;

/**
 * Everything needed to publish an article. Authors and the section are named by slug; tags by display name.
 * {@code leadImage}, {@code source} and {@code canonicalUrl} may be {@code null}.
 */
public record NewArticle(String slug, String headline, String standfirst, String bodyMarkdown, ArticleKind kind,
		String sectionSlug, List<String> authorSlugs, List<String> tags, Instant publishedAt, Instant updatedAt,
		LeadImage leadImage, Source source, String canonicalUrl, boolean commentsOpen) {
}
