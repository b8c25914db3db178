package dev.gazette.live.internal;

import dev.gazette.comment.CommentPublished;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.CommentSubmitted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this node's hub as soon as a comment it published or held is committed, instead of at the next poll. The row
 * the hub then reads is the change log's, written in the same transaction ({@code dev.gazette.changes}).
 */
@Component
class LiveWakeUps {

	private final LiveHub hub;

	LiveWakeUps(LiveHub hub) {
		this.hub = hub;
	}

	@EventListener
	void on(CommentPublished published) {
		wakeAfterCommit();
	}

	@EventListener
	void on(CommentSubmitted submitted) {
		if (submitted.status() == CommentStatus.PENDING) {
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
