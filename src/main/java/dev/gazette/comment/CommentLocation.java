package dev.gazette.comment;

/**
 * Where a comment is shown: on page {@code page} of the discussion, or, when its thread is longer than the
 * article page shows, on page {@code threadPage} of its thread's own page ({@code threadPage} is 0 otherwise).
 */
public record CommentLocation(long commentId, long rootId, int page, int threadPage) {

	public boolean onThreadPage() {
		return threadPage > 0;
	}
}
