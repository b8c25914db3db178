package dev.gazette.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.gazette.account.AccountAdministration;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Picks;
import dev.gazette.moderation.classifier.Label;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moderators do: approve, reject with a reason, feature, suspend or ban an author. Every action is written
 * to the audit log; approvals and rejections also become training examples for the classifier. Nothing is deleted:
 * a rejected comment stays, and leaves “removed by a moderator” where it had replies.
 */
@Service
public class ModerationService {

	private final Comments comments;

	private final AuditLog audit;

	private final Reports reports;

	private final ClassifierModels classifier;

	private final AccountAdministration accounts;

	private final Picks picks;

	ModerationService(Comments comments, AuditLog audit, Reports reports, ClassifierModels classifier,
			AccountAdministration accounts, Picks picks) {
		this.picks = picks;
		this.comments = comments;
		this.audit = audit;
		this.reports = reports;
		this.classifier = classifier;
		this.accounts = accounts;
	}

	/** @throws IllegalArgumentException for an unknown or deleted comment */
	@Transactional
	public Comment approve(long commentId, long moderatorId) {
		Comment comment = decidable(commentId);
		Comment approved = comments.moderate(commentId, CommentStatus.PUBLISHED);
		reports.resolve(commentId);
		audit.record(commentId, comment.accountId(), moderatorId, "approved", null, null);
		classifier.learn(commentId, comment.body(), Set.of());
		return approved;
	}

	/**
	 * @param labels what was wrong, for the classifier to learn (empty: a generic personal attack)
	 * @throws IllegalArgumentException for an unknown or deleted comment, or without a reason
	 */
	@Transactional
	public Comment reject(long commentId, long moderatorId, String reason, Set<Label> labels) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("Please give a reason: it goes into the audit log.");
		}
		Comment comment = decidable(commentId);
		Comment rejected = comments.moderate(commentId, CommentStatus.REJECTED);
		reports.resolve(commentId);
		audit.record(commentId, comment.accountId(), moderatorId, "rejected", reason.strip(), null);
		classifier.learn(commentId, comment.body(), labels.isEmpty() ? Set.of(Label.TOXIC, Label.INSULT) : labels);
		return rejected;
	}

	/**
	 * Features a published comment as an editors' pick (the discussion names who picked it), or takes it back.
	 * @throws IllegalArgumentException for an unknown or deleted comment, or featuring one not published
	 */
	@Transactional
	public void feature(long commentId, long moderatorId, boolean featured) {
		Comment comment = decidable(commentId);
		picks.feature(commentId, featured, moderatorId);
		audit.record(commentId, comment.accountId(), moderatorId, featured ? "featured" : "unfeatured", null, null);
	}

	/**
	 * Suspends the author of a comment for {@code duration} (a ban is a long one); they are told by e-mail.
	 * @throws IllegalArgumentException when the comment has no account (a guest), or the duration or reason is missing
	 */
	@Transactional
	public Instant suspendAuthor(long commentId, long moderatorId, Duration duration, String reason) {
		Comment comment = comments.find(commentId)
			.orElseThrow(() -> new IllegalArgumentException("There is no comment " + commentId));
		if (comment.accountId() == null) {
			throw new IllegalArgumentException("This comment was written by a guest: there is no account to suspend.");
		}
		try {
			Instant until = accounts.suspend(comment.accountId(), duration, reason, moderatorId);
			audit.record(commentId, comment.accountId(), moderatorId, "suspended", reason, "until " + until);
			return until;
		}
		catch (dev.gazette.account.AccountProblem problem) {
			throw new IllegalArgumentException(problem.getMessage(), problem);
		}
	}

	/** Approves or rejects several comments at once (bulk selection in the console). */
	@Transactional
	public int decideAll(Collection<Long> commentIds, long moderatorId, boolean approve, String reason) {
		int decided = 0;
		for (long id : commentIds) {
			if (approve) {
				approve(id, moderatorId);
			}
			else {
				reject(id, moderatorId, reason, Set.of());
			}
			decided++;
		}
		return decided;
	}

	private Comment decidable(long commentId) {
		Comment comment = comments.find(commentId)
			.orElseThrow(() -> new IllegalArgumentException("There is no comment " + commentId));
		if (comment.status() == CommentStatus.DELETED) {
			throw new IllegalArgumentException("Its author deleted this comment.");
		}
		return comment;
	}

	List<AuditLog.Entry> history(long commentId) {
		return audit.ofComment(commentId);
	}
}
