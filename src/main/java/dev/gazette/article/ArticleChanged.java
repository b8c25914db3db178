package dev.gazette.article;

/**
 * Something readers or the newsroom could look an article up by changed: it was written, revised, published,
 * scheduled, unpublished or announced. Published inside the transaction that made the change, so a listener that
 * records it there (the search feed does) records it exactly when the change itself is committed.
 * @param articleId the article, in whatever state it is now
 */
public record ArticleChanged(long articleId) {
}
