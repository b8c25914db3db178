package dev.gazette.live.internal;

import dev.gazette.comment.CommentPublished;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.CommentSubmitted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the live feed's rows in the publisher's transaction (a plain {@link EventListener}, not an after-commit one):
 * the row commits or rolls back with the comment, so the feed never announces a comment nobody can see and never
 * misses one that was stored. After the commit this node's hub is woken at once.
 */
@Component
class LiveRecorder {

	private final LiveChanges changes;

	private final LiveHub hub;

	LiveRecorder(LiveChanges changes, LiveHub hub) {
		this.changes = changes;
		this.hub = hub;
	}

	@EventListener
	void on(CommentPublished published) {
		changes.record(LiveChange.PUBLISHED, published.articleSlug(), published.commentId(), published.parentId());
		wakeAfterCommit();
	}

	@EventListener
	void on(CommentSubmitted submitted) {
		if (submitted.status() == CommentStatus.PENDING) {
			changes.record(LiveChange.PENDING, submitted.articleSlug(), submitted.commentId(), submitted.parentId());
			wakeAfterCommit();
		}
	}

	private void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					hub.wake();
				}
			});
		}
		else {
			hub.wake();
		}
	}
}
