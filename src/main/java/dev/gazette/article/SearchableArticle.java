package dev.gazette.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as a search index holds it, in any state: the index decides nothing about visibility on its own, it
 * keeps the state and publication time so that a query can ask for what readers may see.
 * @param bodyText the body as plain text (Markdown rendered, markup dropped), for matching and snippets
 * @param publishedAt {@code null} for a piece never published nor scheduled
 */
public record SearchableArticle(long id, String slug, String headline, String standfirst, String bodyText,
		ArticleKind kind, ArticleState state, Section section, List<Author> authors, List<Tag> tags, Instant publishedAt) {
}
