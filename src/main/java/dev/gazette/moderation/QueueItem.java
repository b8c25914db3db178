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
		long reportsAgainstAuthor, List<AuditLog.Entry> decisions, java.util.Map<Long, String> actorNames,
		String postedAt) {

	/** Who made a decision on this comment: "the automatic checks", a moderator's name, or a deleted account. */
	public String who(AuditLog.Entry entry) {
		if (entry.bySystem()) {
			return "the automatic checks";
		}
		String name = actorNames.get(entry.actorId());
		return name != null ? name : "account #" + entry.actorId() + " (deleted)";
	}

	/** Who held the comment, from its latest hold: null when no hold was recorded. */
	public String heldBy() {
		return decisions.stream()
			.filter(d -> d.action().equals("system-pending") || d.action().equals("held"))
			.findFirst()
			.map(d -> d.action().equals("held") && d.bySystem() ? "readers’ reports" : who(d))
			.orElse(null);
	}

	public String articlePath() {
		return article == null ? "#" : "/articles/" + article.slug();
	}
}
