package dev.gazette.comment;

import dev.gazette.article.Article;

/** The page for changing or deleting one's own comment. {@code problem} is what went wrong, if anything. */
public record EditView(Article article, Comment comment, String body, String problem, DiscussionView discussion) {

	public String articlePath() {
		return "/articles/" + article.slug();
	}
}
