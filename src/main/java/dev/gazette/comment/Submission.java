package dev.gazette.comment;

import dev.gazette.article.Article;

/**
 * A valid comment about to be stored (or an edit about to replace one), as screening sees it.
 * {@code nudgeAcknowledged}: the reader was told the text may be held and chose to post anyway.
 */
public record Submission(Article article, Commenter commenter, String body, Long parentId, boolean edit,
		boolean nudgeAcknowledged) {
}
