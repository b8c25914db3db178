package dev.gazette.moderation;

import dev.gazette.comment.CommentSubmitted;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the pipeline's own decisions into the audit log, in the transaction that stores the comment: the entry
 * commits with the comment or not at all, so none is lost if the node stops, and the post pays one insert, batched
 * with the other posts of its group commit ({@link AuditLog#recordWithCommit}).
 * (Until December 2026 this ran after the commit from the event publication registry: a registry row written with
 * the comment, then a transaction to mark it under way, one for the entry and one to finish it — most of what a post
 * cost after its own commit.) Once per submission either way: a run again adds no second entry.
 */
@Component
class SystemDecisions {

	private final AuditLog audit;

	private final dev.gazette.comment.Comments comments;

	SystemDecisions(AuditLog audit, dev.gazette.comment.Comments comments) {
		this.audit = audit;
		this.comments = comments;
	}

	/**
	 * No event id: this runs once, in the comment's own transaction, so there is nothing to deduplicate. (A random
	 * id per post put each entry at a random place in the event id's unique index, which cost every group commit a
	 * rewritten index page per post; a null sorts with the others, at the end.)
	 */
	@EventListener(condition = "#p0.screeningRecord() != null")
	void record(CommentSubmitted submitted) {
		audit.recordWithCommit(submitted.commentId(), submitted.accountId(), "system-" + submitted.status().key(),
				submitted.screeningRecord());
	}

	/**
	 * Finishes the registry's publications stored by a Gazette of before, which carry no screening record (a node
	 * stopped with some unfinished): their entry is written from the comment, once. New events never reach it.
	 */
	@ApplicationModuleListener(condition = "#p0.screeningRecord() == null")
	void on(CommentSubmitted submitted) {
		Long author = submitted.isThin()
				? comments.find(submitted.commentId()).map(c -> c.accountId()).orElse(null) : submitted.accountId();
		String record = comments.moderationRecord(submitted.commentId()).orElse(null);
		audit.recordOnce(submitted.submission(), submitted.commentId(), author, "system-" + submitted.status().key(),
				record);
	}
}
