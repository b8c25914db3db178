package dev.gazette.moderation;

import dev.gazette.comment.CommentSubmitted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the pipeline's own decisions into the audit log. It runs after the comment's transaction commits, from
 * the event publication registry, so a decision is never lost even if the node stops in between.
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
		Long author = comments.find(submitted.commentId()).map(c -> c.accountId()).orElse(null);
		String record = comments.moderationRecord(submitted.commentId()).orElse(null);
		audit.record(submitted.commentId(), author, null, "system-" + submitted.status().key(), null, record);
	}
}
