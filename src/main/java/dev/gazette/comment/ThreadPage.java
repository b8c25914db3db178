package dev.gazette.comment;

/** A single thread on its own page, its replies in pages of conversation order. Pages count from 1. */
public record ThreadPage(DisplayComment root, int replyCount, int page, int totalPages) {

	public boolean hasNext() {
		return page < totalPages;
	}

	public boolean hasPrevious() {
		return page > 1;
	}
}
