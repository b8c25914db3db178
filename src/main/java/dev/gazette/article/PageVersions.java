package dev.gazette.article;

/**
 * What a finished article page was built from, as far as the database says: the article's version (bumped by every
 * change to the article) and its discussion's version (bumped in the same transaction as every change to a comment
 * under it). A page kept in memory is still right while both are unchanged.
 */
public record PageVersions(long articleId, long articleVersion, long discussionVersion) {
}
