package dev.gazette.moderation;

import java.util.List;

import dev.gazette.account.Account;
import dev.gazette.article.Article;
import dev.gazette.comment.AuthorHistory;
import dev.gazette.comment.Comment;

/**
 * One comment in a moderator's queue with what it takes to decide: the article, the comment it answers, the
 * signals and scores that held it, open reports, and the author's record. {@code author} is null for a guest.
 */
public record QueueItem(Comment comment, Article article, Comment parent, List<Signal> signals,
		java.util.Map<String, Double> scores, List<String> reports, Account author, AuthorHistory history,
		long reportsAgainstAuthor, List<AuditLog.Entry> decisions) {

	public String articlePath() {
		return article == null ? "#" : "/articles/" + article.slug();
	}
}
