package dev.gazette.comment;

import dev.gazette.article.Article;

/** The page for writing a reply, or for fixing a comment the server refused. {@code parent} may be {@code null}. */
public record ComposeView(Article article, Comment parent, CommentForm form, DiscussionView discussion) {

	public String articlePath() {
		return "/articles/" + article.slug();
	}
}
