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
		boolean thin = submitted.screeningRecord() == null; // stored before the event carried these
		Long author = thin ? comments.find(submitted.commentId()).map(c -> c.accountId()).orElse(null)
				: submitted.accountId();
		String record = thin ? comments.moderationRecord(submitted.commentId()).orElse(null)
				: submitted.screeningRecord();
		audit.recordOnce(submitted.submission(), submitted.commentId(), author, "system-" + submitted.status().key(),
				record);
	}
}
