package dev.gazette.comment;

import java.util.List;

/**
 * One page of top-level threads. Pages count from 1. {@code details} (badges, recommendations, editors' picks) are
 * the whole discussion's, as the snapshot the page came from holds them.
 */
public record DiscussionPage(List<ThreadView> threads, DiscussionSort sort, int page, int pageSize, int totalThreads,
		int publishedComments, DiscussionDetails details) {

	public boolean hasNext() {
		return (long) page * pageSize < totalThreads;
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	/** Whether a published comment on this page carries the "Guest" badge, which the page then explains once. */
	public boolean hasGuestComments() {
		for (ThreadView thread : threads) {
			if (hasGuest(thread.root())) {
				return true;
			}
		}
		return false;
	}

	private boolean hasGuest(DisplayComment node) {
		if (node.comment().isPublished()
				&& details.identity(node.comment()).badges().contains(CommenterIdentity.Badge.GUEST)) {
			return true;
		}
		for (DisplayComment reply : node.replies()) {
			if (hasGuest(reply)) {
				return true;
			}
		}
		return false;
	}
}
