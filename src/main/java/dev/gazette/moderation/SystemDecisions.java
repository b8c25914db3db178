package dev.gazette.moderation;

import dev.gazette.comment.CommentSubmitted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the pipeline's own decisions into the audit log. It runs after the comment's transaction commits, from
 * the event publication registry, so a decision is never lost even if the node stops in between; and once per
 * submission, so a run again (a retry, a restart) adds no second entry.
 */
@Component
class SystemDecisions {

	private final AuditLog audit;

	private final dev.gazette.comment.Comments comments;

	SystemDecisions(AuditLog audit, dev.gazette.comment.Comments comments) {
		this.audit = audit;
		this.comments = comments;
	}

	@ApplicationModuleListener
	void on(CommentSubmitted submitted) {
		Long author = submitted.isThin()
				? comments.find(submitted.commentId()).map(c -> c.accountId()).orElse(null) : submitted.accountId();
		// The record (up to 4,000 characters) stays out of the event: the registry stores a copy per listener.
		String record = comments.moderationRecord(submitted.commentId()).orElse(null);
		audit.recordOnce(submitted.submission(), submitted.commentId(), author, "system-" + submitted.status().key(),
				record);
	}
}
