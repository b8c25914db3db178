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
}
