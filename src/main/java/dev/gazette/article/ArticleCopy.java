package dev.gazette.article;

import java.util.List;

/**
 * What a writer writes: every field of an article the newsroom edits. Authors and the section are named by slug, tags
 * by display name; {@code standfirst}, {@code sectionSlug}, {@code source} and {@code canonicalUrl} may be
 * {@code null}. The lead image and discussion settings are kept apart (they have their own tools).
 */
public record ArticleCopy(String headline, String standfirst, String slug, ArticleKind kind, String sectionSlug,
		List<String> tags, List<String> authorSlugs, String bodyMarkdown, Source source, String canonicalUrl) {

	public ArticleCopy {
		tags = tags == null ? List.of() : List.copyOf(tags);
		authorSlugs = authorSlugs == null ? List.of() : List.copyOf(authorSlugs);
		bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown;
		kind = kind == null ? ArticleKind.NEWS : kind;
	}
}
