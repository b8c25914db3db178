package dev.gazette.comment.internal;

import dev.gazette.article.Article;
import dev.gazette.comment.Comment;
import dev.gazette.comment.DiscussionView;

/** The page for changing or deleting one's own comment. {@code problem} is what went wrong, if anything. */
public record EditView(Article article, Comment comment, String body, String problem, DiscussionView discussion) {

	public String articlePath() {
		return "/articles/" + article.slug();
	}
}
