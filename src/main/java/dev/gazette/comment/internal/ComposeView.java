package dev.gazette.comment.internal;

import dev.gazette.article.Article;
import dev.gazette.comment.Comment;
import dev.gazette.comment.DiscussionView;

/** The page for writing a reply, or for fixing a comment the server refused. {@code parent} may be {@code null}. */
public record ComposeView(Article article, Comment parent, CommentForm form, DiscussionView discussion) {

	public String articlePath() {
		return "/articles/" + article.slug();
	}
}
