package dev.gazette.article;

import java.util.List;

/**
 * What a writer writes: every field of an article the newsroom edits. Authors and the section are named by slug, tags
 * by display name; {@code standfirst}, {@code sectionSlug}, {@code source}, {@code canonicalUrl}, {@code leadImageId}
 * (an item of the media library), {@code seoTitle} and {@code seoDescription} may be {@code null}. Discussion settings
 * are kept apart (they have their own tools).
 */
public record ArticleCopy(String headline, String standfirst, String slug, ArticleKind kind, String sectionSlug,
		List<String> tags, List<String> authorSlugs, String bodyMarkdown, Source source, String canonicalUrl,
		Long leadImageId, String seoTitle, String seoDescription) {

	public ArticleCopy {
		tags = tags == null ? List.of() : List.copyOf(tags);
		authorSlugs = authorSlugs == null ? List.of() : List.copyOf(authorSlugs);
		bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown;
		kind = kind == null ? ArticleKind.NEWS : kind;
	}

	public ArticleCopy withSlug(String newSlug) {
		return new ArticleCopy(headline, standfirst, newSlug, kind, sectionSlug, tags, authorSlugs, bodyMarkdown, source,
				canonicalUrl, leadImageId, seoTitle, seoDescription);
	}

	public ArticleCopy withBylinesAndTags(List<String> newAuthorSlugs, List<String> newTags) {
		return new ArticleCopy(headline, standfirst, slug, kind, sectionSlug, newTags, newAuthorSlugs, bodyMarkdown, source,
				canonicalUrl, leadImageId, seoTitle, seoDescription);
	}
}
