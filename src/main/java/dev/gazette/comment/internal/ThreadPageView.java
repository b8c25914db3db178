package dev.gazette.comment.internal;

import dev.gazette.article.Article;
import dev.gazette.comment.DiscussionView;
import dev.gazette.comment.ThreadPage;

/** A thread on its own page, under its article's headline. */
public record ThreadPageView(Article article, ThreadPage thread, DiscussionView discussion) {

	public String articlePath() {
		return "/articles/" + article.slug();
	}

	public String pageUrl(int page) {
		return discussion.threadUrl(thread.root().comment()) + "?page=" + page;
	}
}
